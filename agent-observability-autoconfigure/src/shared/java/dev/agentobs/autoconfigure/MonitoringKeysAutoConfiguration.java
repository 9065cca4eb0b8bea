package dev.agentobs.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The check of the keys under {@code monitoring.}: a key that no property of the starter has
 * (a typo) stops start-up naming the nearest known key, or with
 * {@code monitoring.strict-keys=false} is logged as a warning.
 *
 * @since 0.1.0
 */
@AutoConfiguration
@ConditionalOnMonitoringEnabled
public final class MonitoringKeysAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	static MonitoringKeysCheck monitoringKeysCheck() {
		return new MonitoringKeysCheck();
	}

}
