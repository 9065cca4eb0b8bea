/**
 * JMH benchmarks of what the starter costs an agent's thread, measured against Spring Boot's own
 * observation handling, and of scraping a large registry.
 */
@NullMarked
package dev.agentobs.benchmarks;

import org.jspecify.annotations.NullMarked;
