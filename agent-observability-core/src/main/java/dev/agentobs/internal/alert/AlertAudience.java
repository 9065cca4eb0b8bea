package dev.agentobs.internal.alert;

import java.util.List;

/**
 * Receivers that share one set of thresholds: the application's thresholds for e-mail and
 * every webhook without its own, and one audience per webhook that overrides them.
 *
 * @param name a name for the audience, such as {@code default} or the webhook's URL
 * @param thresholds the thresholds its alerts are judged by
 * @param receivers where its notifications go
 * @since 0.1.0
 */
public record AlertAudience(String name, AlertThresholds thresholds, List<NotificationQueue> receivers) {

	public AlertAudience {
		receivers = List.copyOf(receivers);
	}

}
