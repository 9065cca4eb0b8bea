package dev.agentobs.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

import dev.agentobs.internal.tracing.AgentContentObservationFilter;

/**
 * Spans of agent operations, under {@code monitoring.tracing.*}.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("monitoring.tracing")
public class AgentTracingProperties implements Validator {

	/**
	 * Whether prompts, completions, tool arguments and results, and executed code are put on
	 * spans. Off by default: they may hold personal data and secrets.
	 */
	private boolean captureContent = false;

	/**
	 * The most characters of each captured content attribute; longer content is cut to this
	 * length, ending with "..." when it leaves room for more, never splitting a character.
	 */
	private int maxContentLength = 4000;

	public boolean isCaptureContent() {
		return this.captureContent;
	}

	public void setCaptureContent(boolean captureContent) {
		this.captureContent = captureContent;
	}

	public int getMaxContentLength() {
		return this.maxContentLength;
	}

	public void setMaxContentLength(int maxContentLength) {
		this.maxContentLength = maxContentLength;
	}

	@Override
	public boolean supports(Class<?> type) {
		return AgentTracingProperties.class == type;
	}

	@Override
	public void validate(Object target, Errors errors) {
		if (target instanceof AgentTracingProperties properties) {
			PropertyErrors.check(errors, "max-content-length",
					() -> AgentContentObservationFilter.checkMaxLength("max-content-length", properties.maxContentLength));
		}
	}

}
