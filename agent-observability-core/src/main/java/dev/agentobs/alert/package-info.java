/**
 * Alerts on error rate, latency, failures and budgets: rules, their lifecycle, and delivery to
 * webhooks and e-mail that never blocks an agent.
 */
@NullMarked
package dev.agentobs.alert;

import org.jspecify.annotations.NullMarked;
