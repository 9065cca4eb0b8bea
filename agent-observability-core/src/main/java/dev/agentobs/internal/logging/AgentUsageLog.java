package dev.agentobs.internal.logging;

import java.math.BigDecimal;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.agentobs.cost.AgentUsage;
import dev.agentobs.cost.AgentUsageListener;
import dev.agentobs.operation.TokenUsage;

/**
 * Logs the usage of every finished run as one JSON object, at INFO, on the logger
 * {@value AgentUsageListener#LOGGER}, ready for an analytics or billing pipeline to read from
 * the log stream.
 *
 * @since 0.1.0
 */
public class AgentUsageLog implements AgentUsageListener {

	private static final Logger logger = LoggerFactory.getLogger(LOGGER);

	@Override
	public void onUsage(AgentUsage usage) {
		if (logger.isInfoEnabled()) {
			logger.info(json(usage));
		}
	}

	/**
	 * The usage as one line of JSON.
	 * @param usage the usage
	 * @return the JSON object
	 */
	static String json(AgentUsage usage) {
		TokenUsage tokens = usage.tokens();
		StringBuilder json = new StringBuilder(384).append('{');
		string(json, "runId", usage.runId()).append(',');
		string(json, "parentRunId", usage.parentRunId()).append(',');
		string(json, "agent", usage.agentName()).append(',');
		string(json, "user", usage.userId()).append(',');
		string(json, "tenant", usage.tenantId()).append(',');
		string(json, "conversation", usage.conversationId()).append(',');
		json.append("\"tokens\":{");
		number(json, "input", tokens.input()).append(',');
		number(json, "output", tokens.output()).append(',');
		number(json, "cacheRead", tokens.cachedInput()).append(',');
		number(json, "cacheWrite", tokens.cacheWriteInput()).append(',');
		number(json, "reasoning", tokens.reasoningOutput()).append("},");
		json.append("\"costUsd\":").append((usage.cost() != null) ? plain(usage.cost()) : "null").append(',');
		number(json, "modelCalls", usage.modelCalls()).append(',');
		number(json, "toolCalls", usage.toolCalls()).append(',');
		number(json, "steps", usage.steps()).append(',');
		string(json, "endTime", usage.endTime().toString()).append(',');
		number(json, "durationMs", usage.duration().toMillis()).append(',');
		string(json, "outcome", usage.outcome());
		return json.append('}').toString();
	}

	private static String plain(double value) {
		// No exponent: 5.9E-4 is valid JSON, but not every pipeline reads it as a decimal
		return new BigDecimal(Double.toString(value)).toPlainString();
	}

	private static StringBuilder number(StringBuilder json, String key, long value) {
		return json.append('"').append(key).append("\":").append(value);
	}

	private static StringBuilder string(StringBuilder json, String key, @Nullable String value) {
		json.append('"').append(key).append("\":");
		if (value == null) {
			return json.append("null");
		}
		json.append('"');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				case '\n' -> json.append("\\n");
				case '\r' -> json.append("\\r");
				case '\t' -> json.append("\\t");
				default -> {
					if (c < 0x20 || c == 0x2028 || c == 0x2029) {
						json.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
					}
					else {
						json.append(c);
					}
				}
			}
		}
		return json.append('"');
	}

}
