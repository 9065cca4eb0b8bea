package dev.agentobs.internal.report;

import dev.agentobs.stats.ComponentStatistics;

/**
 * The operations of a tool, or of all requests together, within the window and since start.
 *
 * @param window the operations that finished within the window
 * @param total the operations that finished since the statistics started
 * @since 0.1.0
 */
public record ComponentDescriptor(OperationSummaryDescriptor window, OperationSummaryDescriptor total) {

	/**
	 * Describe the statistics of a component.
	 * @param component the statistics
	 * @param withTokens whether to include the tokens (not for tools)
	 * @return its descriptor
	 */
	public static ComponentDescriptor of(ComponentStatistics component, boolean withTokens) {
		return new ComponentDescriptor(OperationSummaryDescriptor.of(component.window(), withTokens),
				OperationSummaryDescriptor.of(component.total(), withTokens));
	}

}
