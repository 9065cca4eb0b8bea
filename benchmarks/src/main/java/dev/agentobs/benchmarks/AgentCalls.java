package dev.agentobs.benchmarks;

import java.util.function.Function;
import java.util.function.Supplier;

import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.Tags;

import dev.agentobs.api.AgentObservations;
import dev.agentobs.api.ModelCallObservation;
import dev.agentobs.api.ModelCallStream;

/**
 * The agent code every benchmark runs: the same work, observed the same way an application
 * observes it, with the same meter tags whichever way it is timed.
 *
 * @since 0.1.0
 */
final class AgentCalls {

	/** The tool every tool call calls. */
	static final String TOOL = "web_search";

	/** The agent of runs. */
	static final String AGENT = "research-agent";

	/** The provider of model calls. */
	static final String PROVIDER = "openai";

	/** The model of model calls, priced by the bundled price catalogue. */
	static final String MODEL = "gpt-4o";

	/** The name of the tool-call observation and its timer. */
	static final String TOOL_CALL = "gen_ai.execute_tool";

	/** Steps of an agent run. */
	static final int STEPS = 3;

	/**
	 * The tags of the starter's tool-call timer for a call outside any agent run, less
	 * {@code error.type}. Boot's handler adds its own {@code error} tag in its place, so every
	 * benchmark's timer has the same four tags.
	 */
	static final Tags TOOL_TAGS = Tags.of("gen_ai.tool.name", TOOL, "gen_ai.tool.type", "function",
			"gen_ai.agent.name", "unknown");

	/** {@link #TOOL_TAGS} as the low cardinality key values of a plain observation. */
	static final KeyValues TOOL_KEY_VALUES = KeyValues.of("gen_ai.tool.name", TOOL, "gen_ai.tool.type", "function",
			"gen_ai.agent.name", "unknown");

	/** What the work returns. */
	static final String RESULT = "3600";

	/** The work of a tool call: as little as possible, so that the observing is what is timed. */
	static final Supplier<String> WORK = () -> RESULT;

	/** The work of a model call: it reports the tokens the provider counted. */
	static final Function<ModelCallObservation, String> MODEL_WORK = (call) -> {
		call.tokens(1200, 300);
		return RESULT;
	};

	/** Chunks of a streamed answer. */
	static final int CHUNKS = 8;

	private AgentCalls() {
	}

	/**
	 * One tool call.
	 * @param observations the facade
	 * @return the work's result
	 */
	static String toolCall(AgentObservations observations) {
		return observations.tool(TOOL).observe(WORK);
	}

	/**
	 * One model call, with tokens.
	 * @param observations the facade
	 * @return the work's result
	 */
	static String modelCall(AgentObservations observations) {
		return observations.model(PROVIDER, MODEL).observe(MODEL_WORK);
	}

	/**
	 * One streamed model call: {@value #CHUNKS} chunks read inside the work, then the tokens of
	 * the final usage chunk.
	 * @param observations the facade
	 * @return the work's result
	 */
	static String streamedModelCall(AgentObservations observations) {
		ModelCallStream stream = observations.model(PROVIDER, MODEL).startStream();
		for (int chunk = 0; chunk < CHUNKS; chunk++) {
			stream.chunk();
		}
		stream.tokens(1200, 300).complete();
		return RESULT;
	}

	/**
	 * An agent run of {@value #STEPS} steps, each one model call and one tool call.
	 * @param observations the facade
	 * @return the run's result
	 */
	static String agentRun(AgentObservations observations) {
		return observations.agent(AGENT).observe(() -> {
			String result = RESULT;
			for (int step = 1; step <= STEPS; step++) {
				result = observations.step(step).observe(() -> {
					modelCall(observations);
					return toolCall(observations);
				});
			}
			return result;
		});
	}

}
