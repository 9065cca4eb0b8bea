package dev.agentobs.stats;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One failed operation, as the statistics keep it: its message is cut and anything in it
 * that looks like a key, a token or an e-mail address is masked.
 *
 * @param time when the failure was reported
 * @param operation the kind of operation, as the subscriber API names it, such as
 * {@code model.generate}
 * @param name the agent, model, tool or language concerned
 * @param agent the agent the operation ran in, or {@code null} outside any agent
 * @param type the error's type, such as an exception's class name
 * @param message the error's message, masked and cut; empty when there was none
 * @since 0.1.0
 */
public record RecentError(Instant time, String operation, String name, @Nullable String agent, String type,
		String message) {

}
