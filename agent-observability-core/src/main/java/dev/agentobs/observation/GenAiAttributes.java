package dev.agentobs.observation;

/**
 * Every attribute name the starter writes on spans, metrics and events, in one place. Names
 * follow the OpenTelemetry GenAI semantic conventions v1.41.1 where they define one; the
 * {@code agent.*} names are the starter's own.
 *
 * @since 0.1.0
 */
public enum GenAiAttributes {

	/** The kind of GenAI operation: {@code chat}, {@code invoke_agent}, {@code execute_tool}. */
	OPERATION_NAME("gen_ai.operation.name"),

	/** The model provider, such as {@code openai}. */
	PROVIDER_NAME("gen_ai.provider.name"),

	/** The model the request asked for. */
	REQUEST_MODEL("gen_ai.request.model"),

	/** The model that answered. */
	RESPONSE_MODEL("gen_ai.response.model"),

	/** The agent's name. */
	AGENT_NAME("gen_ai.agent.name"),

	/** The agent's unique id. */
	AGENT_ID("gen_ai.agent.id"),

	/** The conversation (session, thread) the operation belongs to. */
	CONVERSATION_ID("gen_ai.conversation.id"),

	/** The tool's name. */
	TOOL_NAME("gen_ai.tool.name"),

	/** The tool's type: {@code function}, {@code extension} or {@code datastore}. */
	TOOL_TYPE("gen_ai.tool.type"),

	/** The id the model gave the tool call. */
	TOOL_CALL_ID("gen_ai.tool.call.id"),

	/** The tool call's arguments, captured only when content capture is on. */
	TOOL_CALL_ARGUMENTS("gen_ai.tool.call.arguments"),

	/** The tool call's result, captured only when content capture is on. */
	TOOL_CALL_RESULT("gen_ai.tool.call.result"),

	/** Tokens in the model's input. */
	USAGE_INPUT_TOKENS("gen_ai.usage.input_tokens"),

	/** Tokens in the model's output. */
	USAGE_OUTPUT_TOKENS("gen_ai.usage.output_tokens"),

	/** Input tokens served from the provider's cache. */
	USAGE_CACHE_READ_INPUT_TOKENS("gen_ai.usage.cache_read.input_tokens"),

	/** Input tokens written to the provider's cache. */
	USAGE_CACHE_CREATION_INPUT_TOKENS("gen_ai.usage.cache_creation.input_tokens"),

	/** Output tokens the model spent reasoning. */
	USAGE_REASONING_OUTPUT_TOKENS("gen_ai.usage.reasoning.output_tokens"),

	/** Whether the model was asked to stream its answer: {@code true} or {@code false}. */
	REQUEST_STREAM("gen_ai.request.stream"),

	/** Seconds from the start of a streamed model call to its first chunk. */
	RESPONSE_TIME_TO_FIRST_CHUNK("gen_ai.response.time_to_first_chunk"),

	/** Which tokens a token-usage measurement counts: {@code input} or {@code output}. */
	TOKEN_TYPE("gen_ai.token.type"),

	/** The messages sent to the model, captured only when content capture is on. */
	INPUT_MESSAGES("gen_ai.input.messages"),

	/** The messages the model answered, captured only when content capture is on. */
	OUTPUT_MESSAGES("gen_ai.output.messages"),

	/** The class of error the operation ended with, {@code none} in metrics on success. */
	ERROR_TYPE("error.type"),

	/** The id of the agent run an operation belongs to. */
	AGENT_RUN_ID("agent.run.id"),

	/**
	 * The cost in USD of an agent run's model calls, its sub-agents' included; on a run whose
	 * every model call had a price.
	 */
	AGENT_RUN_COST("agent.run.cost_usd"),

	/** The step's number within its agent run, from 1. */
	AGENT_STEP_NUMBER("agent.step.number"),

	/** The language of executed code. */
	CODE_LANGUAGE("agent.code.language"),

	/** The executed code, captured only when content capture is on. */
	CODE_SOURCE("agent.code.source"),

	/** The output of executed code, captured only when content capture is on. */
	CODE_OUTPUT("agent.code.output");

	private final String key;

	GenAiAttributes(String key) {
		this.key = key;
	}

	/**
	 * The attribute's name as it appears on spans and, with dots turned into underscores, as a
	 * Prometheus label.
	 * @return the attribute name
	 */
	public String key() {
		return this.key;
	}

}
