/**
 * A Spring Boot 3.5 service on Spring AI 1.1's ChatClient with one tool, observed by the
 * Spring Boot 3.5 starter alone.
 */
@NullMarked
package dev.agentobs.boot3;

import org.jspecify.annotations.NullMarked;
