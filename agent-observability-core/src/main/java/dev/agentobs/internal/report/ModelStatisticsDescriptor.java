package dev.agentobs.internal.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * The calls of one model within the window and since start, and its usage of the day.
 *
 * @param window the calls that finished within the window
 * @param total the calls that finished since the statistics started
 * @param today its tokens and cost of the day, or {@code null} when cost is not tracked or it
 * was not called today
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelStatisticsDescriptor(OperationSummaryDescriptor window, OperationSummaryDescriptor total,
		@Nullable ModelUsageDescriptor today) {

}
