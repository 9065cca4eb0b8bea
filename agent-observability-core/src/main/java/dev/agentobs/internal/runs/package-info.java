/**
 * The recent runs: a bounded ring of the last finished agent runs, each kept as the tree of
 * its operations. Implementation, not API: may change in any release.
 */
@NullMarked
package dev.agentobs.internal.runs;

import org.jspecify.annotations.NullMarked;
