package dev.agentobs.internal.report;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import dev.agentobs.stats.RecentError;

/**
 * One failed operation, its message already cut and masked.
 *
 * @param time when the failure was reported, ISO-8601
 * @param operation the kind of operation, such as {@code model.generate}
 * @param name the agent, model, tool or language concerned
 * @param agent the agent the operation ran in, or {@code null} outside any agent
 * @param type the error's type
 * @param message the error's message; empty when there was none
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RecentErrorDescriptor(String time, String operation, String name, @Nullable String agent, String type,
		String message) {

	/**
	 * Describe failures.
	 * @param errors the failures
	 * @return their descriptors, in the same order
	 */
	public static List<RecentErrorDescriptor> of(List<RecentError> errors) {
		List<RecentErrorDescriptor> descriptors = new ArrayList<>(errors.size());
		for (RecentError error : errors) {
			descriptors.add(new RecentErrorDescriptor(error.time().toString(), error.operation(), error.name(),
					error.agent(), error.type(), error.message()));
		}
		return descriptors;
	}

}
