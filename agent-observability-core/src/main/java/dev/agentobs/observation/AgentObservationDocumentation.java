package dev.agentobs.observation;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The five agent observations, their names, default conventions and key names.
 *
 * @since 0.1.0
 */
public enum AgentObservationDocumentation implements ObservationDocumentation {

	/**
	 * An agent run: one request to an agent until its answer.
	 */
	AGENT_RUN {
		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultAgentRunObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return new KeyName[] { LowCardinalityKeyNames.OPERATION_NAME, LowCardinalityKeyNames.AGENT_NAME,
					LowCardinalityKeyNames.ERROR_TYPE };
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return new KeyName[] { HighCardinalityKeyNames.AGENT_ID, HighCardinalityKeyNames.RUN_ID,
					HighCardinalityKeyNames.CONVERSATION_ID };
		}
	},

	/**
	 * One step of an agent's loop.
	 */
	AGENT_STEP {
		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultAgentStepObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return new KeyName[] { LowCardinalityKeyNames.AGENT_NAME, LowCardinalityKeyNames.ERROR_TYPE };
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return new KeyName[] { HighCardinalityKeyNames.STEP_NUMBER, HighCardinalityKeyNames.RUN_ID,
					HighCardinalityKeyNames.CONVERSATION_ID };
		}
	},

	/**
	 * A call to a model.
	 */
	MODEL_CALL {
		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultModelCallObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return new KeyName[] { LowCardinalityKeyNames.OPERATION_NAME, LowCardinalityKeyNames.PROVIDER_NAME,
					LowCardinalityKeyNames.REQUEST_MODEL, LowCardinalityKeyNames.AGENT_NAME,
					LowCardinalityKeyNames.ERROR_TYPE };
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return new KeyName[] { HighCardinalityKeyNames.RESPONSE_MODEL, HighCardinalityKeyNames.INPUT_TOKENS,
					HighCardinalityKeyNames.OUTPUT_TOKENS, HighCardinalityKeyNames.CACHED_INPUT_TOKENS,
					HighCardinalityKeyNames.CACHE_WRITE_INPUT_TOKENS, HighCardinalityKeyNames.REASONING_OUTPUT_TOKENS,
					HighCardinalityKeyNames.REQUEST_STREAM, HighCardinalityKeyNames.TIME_TO_FIRST_CHUNK,
					HighCardinalityKeyNames.RUN_ID, HighCardinalityKeyNames.CONVERSATION_ID,
					HighCardinalityKeyNames.INPUT_MESSAGES, HighCardinalityKeyNames.OUTPUT_MESSAGES };
		}
	},

	/**
	 * A tool call.
	 */
	TOOL_CALL {
		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultToolCallObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return new KeyName[] { LowCardinalityKeyNames.OPERATION_NAME, LowCardinalityKeyNames.TOOL_NAME,
					LowCardinalityKeyNames.TOOL_TYPE, LowCardinalityKeyNames.AGENT_NAME,
					LowCardinalityKeyNames.ERROR_TYPE };
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return new KeyName[] { HighCardinalityKeyNames.TOOL_CALL_ID, HighCardinalityKeyNames.RUN_ID,
					HighCardinalityKeyNames.CONVERSATION_ID, HighCardinalityKeyNames.TOOL_CALL_ARGUMENTS,
					HighCardinalityKeyNames.TOOL_CALL_RESULT };
		}
	},

	/**
	 * The execution of code an agent wrote.
	 */
	CODE_EXECUTION {
		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultCodeExecutionObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return new KeyName[] { LowCardinalityKeyNames.CODE_LANGUAGE, LowCardinalityKeyNames.AGENT_NAME,
					LowCardinalityKeyNames.ERROR_TYPE };
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return new KeyName[] { HighCardinalityKeyNames.RUN_ID, HighCardinalityKeyNames.CONVERSATION_ID,
					HighCardinalityKeyNames.CODE_SOURCE, HighCardinalityKeyNames.CODE_OUTPUT };
		}
	};

	/**
	 * Low cardinality keys: safe as metric labels and span attributes.
	 */
	public enum LowCardinalityKeyNames implements KeyName {

		/** The GenAI operation name. */
		OPERATION_NAME(GenAiAttributes.OPERATION_NAME),

		/** The model provider. */
		PROVIDER_NAME(GenAiAttributes.PROVIDER_NAME),

		/** The requested model. */
		REQUEST_MODEL(GenAiAttributes.REQUEST_MODEL),

		/** The agent's name. */
		AGENT_NAME(GenAiAttributes.AGENT_NAME),

		/** The tool's name. */
		TOOL_NAME(GenAiAttributes.TOOL_NAME),

		/** The tool's type. */
		TOOL_TYPE(GenAiAttributes.TOOL_TYPE),

		/** The language of executed code. */
		CODE_LANGUAGE(GenAiAttributes.CODE_LANGUAGE),

		/** The error class, present only on failure. */
		ERROR_TYPE(GenAiAttributes.ERROR_TYPE);

		private final GenAiAttributes attribute;

		LowCardinalityKeyNames(GenAiAttributes attribute) {
			this.attribute = attribute;
		}

		@Override
		public String asString() {
			return this.attribute.key();
		}

	}

	/**
	 * High cardinality keys: span attributes only.
	 */
	public enum HighCardinalityKeyNames implements KeyName {

		/** The agent's unique id. */
		AGENT_ID(GenAiAttributes.AGENT_ID),

		/** The agent run's id. */
		RUN_ID(GenAiAttributes.AGENT_RUN_ID),

		/** The conversation's id. */
		CONVERSATION_ID(GenAiAttributes.CONVERSATION_ID),

		/** The step's number. */
		STEP_NUMBER(GenAiAttributes.AGENT_STEP_NUMBER),

		/** The model that answered. */
		RESPONSE_MODEL(GenAiAttributes.RESPONSE_MODEL),

		/** Input tokens, set on the span as a number by the tracing handler. */
		INPUT_TOKENS(GenAiAttributes.USAGE_INPUT_TOKENS),

		/** Output tokens, set on the span as a number by the tracing handler. */
		OUTPUT_TOKENS(GenAiAttributes.USAGE_OUTPUT_TOKENS),

		/** Cached input tokens, set on the span as a number by the tracing handler. */
		CACHED_INPUT_TOKENS(GenAiAttributes.USAGE_CACHE_READ_INPUT_TOKENS),

		/** Input tokens written to the cache, set on the span as a number by the tracing handler. */
		CACHE_WRITE_INPUT_TOKENS(GenAiAttributes.USAGE_CACHE_CREATION_INPUT_TOKENS),

		/** Reasoning output tokens, set on the span as a number by the tracing handler. */
		REASONING_OUTPUT_TOKENS(GenAiAttributes.USAGE_REASONING_OUTPUT_TOKENS),

		/** Whether the answer was streamed, set on the span as a boolean by the tracing handler. */
		REQUEST_STREAM(GenAiAttributes.REQUEST_STREAM),

		/** Seconds to the first chunk, set on the span as a number by the tracing handler. */
		TIME_TO_FIRST_CHUNK(GenAiAttributes.RESPONSE_TIME_TO_FIRST_CHUNK),

		/** The tool call's id. */
		TOOL_CALL_ID(GenAiAttributes.TOOL_CALL_ID),

		/** The prompt, only with {@code monitoring.tracing.capture-content=true}. */
		INPUT_MESSAGES(GenAiAttributes.INPUT_MESSAGES),

		/** The completion, only with {@code monitoring.tracing.capture-content=true}. */
		OUTPUT_MESSAGES(GenAiAttributes.OUTPUT_MESSAGES),

		/** Tool arguments, only with {@code monitoring.tracing.capture-content=true}. */
		TOOL_CALL_ARGUMENTS(GenAiAttributes.TOOL_CALL_ARGUMENTS),

		/** Tool result, only with {@code monitoring.tracing.capture-content=true}. */
		TOOL_CALL_RESULT(GenAiAttributes.TOOL_CALL_RESULT),

		/** Executed code, only with {@code monitoring.tracing.capture-content=true}. */
		CODE_SOURCE(GenAiAttributes.CODE_SOURCE),

		/** Code output, only with {@code monitoring.tracing.capture-content=true}. */
		CODE_OUTPUT(GenAiAttributes.CODE_OUTPUT);

		private final GenAiAttributes attribute;

		HighCardinalityKeyNames(GenAiAttributes attribute) {
			this.attribute = attribute;
		}

		@Override
		public String asString() {
			return this.attribute.key();
		}

	}

}
