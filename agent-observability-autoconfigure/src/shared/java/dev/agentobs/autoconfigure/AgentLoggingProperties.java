package dev.agentobs.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.logging.LogLevel;

/**
 * Log events of agent operations, and the application's console log as other frameworks'
 * monitoring configuration sets it, under {@code monitoring.logging.*}.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("monitoring.logging")
public class AgentLoggingProperties {

	/**
	 * Whether each finished agent run and model call is logged as one structured event.
	 */
	private boolean events = true;

	/**
	 * The level of the root logger (logging.level.root), unless the application sets it.
	 */
	private @Nullable LogLevel level;

	/**
	 * The console log's format: json for one JSON object a line in the Elastic Common Schema
	 * (logging.structured.format.console=ecs, unless the application sets it), or ecs,
	 * logstash, gelf; text for Spring Boot's plain lines. Not set: Spring Boot's settings.
	 */
	private @Nullable Format format;

	/**
	 * Accepted for other frameworks' configuration, with no effect: Spring Boot's console log
	 * is standard output; a file is logging.file.name.
	 */
	private @Nullable String output;

	public boolean isEvents() {
		return this.events;
	}

	public void setEvents(boolean events) {
		this.events = events;
	}

	public @Nullable LogLevel getLevel() {
		return this.level;
	}

	public void setLevel(@Nullable LogLevel level) {
		this.level = level;
	}

	public @Nullable Format getFormat() {
		return this.format;
	}

	public void setFormat(@Nullable Format format) {
		this.format = format;
	}

	public @Nullable String getOutput() {
		return this.output;
	}

	public void setOutput(@Nullable String output) {
		this.output = output;
	}

	/**
	 * A format of the console log.
	 */
	public enum Format {

		/** Spring Boot's plain lines. */
		TEXT(null),

		/** One JSON object a line, in the Elastic Common Schema. */
		JSON("ecs"),

		/** The Elastic Common Schema. */
		ECS("ecs"),

		/** Logstash's JSON. */
		LOGSTASH("logstash"),

		/** The Graylog Extended Log Format. */
		GELF("gelf");

		private final @Nullable String structured;

		Format(@Nullable String structured) {
			this.structured = structured;
		}

		/**
		 * Spring Boot's structured format for this one.
		 * @return the value of logging.structured.format.console, or {@code null} for plain
		 * lines
		 */
		@Nullable String structured() {
			return this.structured;
		}

	}

}
