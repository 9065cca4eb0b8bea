package dev.agentobs.internal.metrics;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;

import dev.agentobs.internal.support.NameCombinationCache;
import dev.agentobs.observation.GenAiAttributes;
import dev.agentobs.operation.AgentOperation;
import dev.agentobs.operation.AgentOperationSink;
import dev.agentobs.operation.AgentStep;
import dev.agentobs.operation.CodeExecution;
import dev.agentobs.operation.ModelCall;
import dev.agentobs.operation.ResponseStream;
import dev.agentobs.operation.TokenUsage;
import dev.agentobs.operation.ToolCall;

/**
 * Records agent operations in the meter families of the design: one histogram family per
 * operation kind, token usage by type, and active runs per agent. Every series of a family has
 * the same labels; {@code error.type} is {@value #NO_ERROR} on success. Meters are looked up
 * once per combination of label values and cached. Each family holds at most the series
 * {@link TagValueLimits} allows it; past that, combinations are folded (see
 * {@link SeriesLimiter}). As a sink it records observed operations
 * and recorded ones alike, exactly once each. The histograms' bucket boundaries are given by
 * {@link HistogramBuckets} to the registries that publish histograms, not here: every other
 * registry keeps its own distribution.
 *
 * @since 0.1.0
 */
public class AgentMetrics implements AgentOperationSink {

	/** Model call durations: {@code gen_ai_client_operation_duration_seconds}. */
	public static final String MODEL_CALL_DURATION = "gen_ai.client.operation.duration";

	/**
	 * Time from the start of a streamed model call to its first chunk:
	 * {@code gen_ai_client_operation_time_to_first_chunk_seconds}.
	 */
	public static final String TIME_TO_FIRST_CHUNK = "gen_ai.client.operation.time_to_first_chunk";

	/**
	 * Time between the chunks after the first of a streamed model call, one sample per chunk:
	 * {@code gen_ai_client_operation_time_per_output_chunk_seconds}.
	 */
	public static final String TIME_PER_OUTPUT_CHUNK = "gen_ai.client.operation.time_per_output_chunk";

	/** Model token usage: {@code gen_ai_client_token_usage_tokens}. */
	public static final String TOKEN_USAGE = "gen_ai.client.token.usage";

	/**
	 * Model tokens of the kinds within input and output, counted:
	 * {@code agent_token_usage_detail_tokens_total}, {@code gen_ai_token_type} one of
	 * {@value #CACHE_READ}, {@value #CACHE_CREATION}, {@value #REASONING}.
	 */
	public static final String TOKEN_USAGE_DETAIL = "agent.token.usage.detail";

	/** The token type of input tokens read from the provider's prompt cache. */
	public static final String CACHE_READ = "cache_read";

	/** The token type of input tokens written to the provider's prompt cache. */
	public static final String CACHE_CREATION = "cache_creation";

	/** The token type of output tokens the model spent reasoning. */
	public static final String REASONING = "reasoning";

	/** Agent run durations: {@code gen_ai_invoke_agent_duration_seconds}. */
	public static final String AGENT_RUN_DURATION = "gen_ai.invoke_agent.duration";

	/** Tool call durations: {@code gen_ai_execute_tool_duration_seconds}. */
	public static final String TOOL_CALL_DURATION = "gen_ai.execute_tool.duration";

	/** Agent step durations: {@code agent_step_duration_seconds}. */
	public static final String AGENT_STEP_DURATION = "agent.step.duration";

	/** Code execution durations: {@code agent_code_execution_duration_seconds}. */
	public static final String CODE_EXECUTION_DURATION = "agent.code.execution.duration";

	/** Agent runs in progress: {@code agent_active_runs}. */
	public static final String ACTIVE_RUNS = "agent.active.runs";

	/** The {@code error.type} of a successful operation. */
	public static final String NO_ERROR = "none";

	/** The label of executed code's language, as the design names it. */
	public static final String LANGUAGE = "language";

	private static final String OPERATION = GenAiAttributes.OPERATION_NAME.key();

	private static final String PROVIDER = GenAiAttributes.PROVIDER_NAME.key();

	private static final String MODEL = GenAiAttributes.REQUEST_MODEL.key();

	private static final String AGENT = GenAiAttributes.AGENT_NAME.key();

	private static final String TOOL = GenAiAttributes.TOOL_NAME.key();

	private static final String TOOL_TYPE = GenAiAttributes.TOOL_TYPE.key();

	private static final String ERROR = GenAiAttributes.ERROR_TYPE.key();

	private static final String TOKEN_TYPE = GenAiAttributes.TOKEN_TYPE.key();

	private static final String INPUT = "input";

	private static final String OUTPUT = "output";

	private final MeterRegistry registry;

	private final TagValueLimiter operations;

	private final TagValueLimiter providers;

	private final TagValueLimiter models;

	private final TagValueLimiter agents;

	private final TagValueLimiter tools;

	private final TagValueLimiter toolTypes;

	private final TagValueLimiter languages;

	private final TagValueLimiter errors;

	private final TagValueLimits limits;

	private final ConcurrentMap<MeterKey, Timer> timers = new ConcurrentHashMap<>();

	private final ConcurrentMap<MeterKey, DistributionSummary> tokenSummaries = new ConcurrentHashMap<>();

	private final ConcurrentMap<MeterKey, Counter> tokenCounters = new ConcurrentHashMap<>();

	// Meters by the names operations come with, before capping: a name's capped value never
	// changes once seen, and a family's series are never removed, so neither does the meter of
	// a combination of names (folded or not).
	@SuppressWarnings("unchecked")
	private final NameCombinationCache<TimerRecorder>[] recentTimers = new NameCombinationCache[AgentOperation.Kind
		.values().length];

	private final NameCombinationCache<SummaryRecorder> recentTokenSummaries = new NameCombinationCache<>();

	private final NameCombinationCache<CounterRecorder> recentTokenCounters = new NameCombinationCache<>();

	private final NameCombinationCache<TimerRecorder> recentFirstChunkTimers = new NameCombinationCache<>();

	private final NameCombinationCache<TimerRecorder> recentChunkTimers = new NameCombinationCache<>();

	public AgentMetrics(MeterRegistry registry, TagValueLimits limits) {
		this.registry = registry;
		this.limits = limits;
		this.operations = limits.forLabel(OPERATION);
		this.providers = limits.forLabel(PROVIDER);
		this.models = limits.forLabel(MODEL);
		this.agents = limits.forLabel(AGENT);
		this.tools = limits.forLabel(TOOL);
		this.toolTypes = limits.forLabel(TOOL_TYPE);
		this.languages = limits.forLabel(LANGUAGE);
		this.errors = limits.forLabel(ERROR);
		for (int i = 0; i < this.recentTimers.length; i++) {
			this.recentTimers[i] = new NameCombinationCache<>();
		}
	}

	@Override
	public void accept(AgentOperation operation) {
		long nanos = operation.duration().toNanos();
		durationTimer(operation).record(nanos);
		if (operation instanceof ModelCall call) {
			if (call.tokens().input() > 0) {
				tokenSummary(call, INPUT).record(call.tokens().input());
			}
			if (call.tokens().output() > 0) {
				tokenSummary(call, OUTPUT).record(call.tokens().output());
			}
			TokenUsage tokens = call.tokens();
			if (tokens.cachedInput() > 0) {
				tokenCounter(call, CACHE_READ).increment(tokens.cachedInput());
			}
			if (tokens.cacheWriteInput() > 0) {
				tokenCounter(call, CACHE_CREATION).increment(tokens.cacheWriteInput());
			}
			if (tokens.reasoningOutput() > 0) {
				tokenCounter(call, REASONING).increment(tokens.reasoningOutput());
			}
			ResponseStream stream = call.stream();
			if (stream != null && stream.hasChunks()) {
				recordStream(call, stream);
			}
		}
	}

	/**
	 * The time to first chunk, and the time per output chunk once for each chunk after the
	 * first. The record keeps the first and last chunk's times, not each gap: each sample is
	 * the stream's mean gap, so the count and sum are exact and the buckets hold the means.
	 */
	private void recordStream(ModelCall call, ResponseStream stream) {
		long first = stream.timeToFirstChunk().toNanos();
		streamTimer(call, this.recentFirstChunkTimers, TIME_TO_FIRST_CHUNK, this::firstChunkTimer).record(first);
		long gaps = stream.chunks() - 1;
		if (gaps > 0) {
			long meanGap = (stream.timeToLastChunk().toNanos() - first) / gaps;
			TimerRecorder timer = streamTimer(call, this.recentChunkTimers, TIME_PER_OUTPUT_CHUNK,
					this::outputChunkTimer);
			for (long i = 0; i < gaps; i++) {
				timer.record(meanGap);
			}
		}
	}

	private TimerRecorder streamTimer(ModelCall call, NameCombinationCache<TimerRecorder> recent, String family,
			Function<MeterKey, Timer> factory) {
		String errorType = call.errorType();
		TimerRecorder timer = recent.find(call.operationName(), call.providerName(), call.requestModel(), errorType,
				null);
		if (timer == null) {
			timer = timer(MeterKey.of(family, this.operations.limit(call.operationName()),
					this.providers.limit(call.providerName()), this.models.limit(call.requestModel()),
					errorType(call)), factory);
			recent.put(call.operationName(), call.providerName(), call.requestModel(), errorType, null, timer);
		}
		return timer;
	}

	/**
	 * The duration timer of an operation: found by the operation's own names when they were
	 * seen before, which skips capping the names and building a key.
	 */
	private TimerRecorder durationTimer(AgentOperation operation) {
		NameCombinationCache<TimerRecorder> recent = this.recentTimers[operation.kind().ordinal()];
		String errorType = operation.errorType();
		@Nullable String a;
		@Nullable String b;
		@Nullable String c = null;
		@Nullable String d = null;
		if (operation instanceof ModelCall call) {
			a = call.operationName();
			b = call.providerName();
			c = call.requestModel();
			d = errorType;
		}
		else if (operation instanceof ToolCall call) {
			a = call.toolName();
			b = call.toolType();
			c = call.agentName();
			d = errorType;
		}
		else if (operation instanceof CodeExecution execution) {
			a = execution.language();
			b = errorType;
		}
		else {
			a = operation.agentName();
			b = errorType;
		}
		TimerRecorder timer = recent.find(a, b, c, d, null);
		if (timer == null) {
			timer = lookUpDurationTimer(operation);
			recent.put(a, b, c, d, null, timer);
		}
		return timer;
	}

	private TimerRecorder lookUpDurationTimer(AgentOperation operation) {
		String error = errorType(operation);
		if (operation instanceof ModelCall call) {
			return timer(MeterKey.of(MODEL_CALL_DURATION, this.operations.limit(call.operationName()),
					this.providers.limit(call.providerName()), this.models.limit(call.requestModel()), error),
					this::modelCallTimer);
		}
		if (operation instanceof ToolCall call) {
			return timer(MeterKey.of(TOOL_CALL_DURATION, this.tools.limit(call.toolName()),
					this.toolTypes.limit(call.toolType()), agent(operation), error), this::toolCallTimer);
		}
		if (operation instanceof CodeExecution execution) {
			return timer(MeterKey.of(CODE_EXECUTION_DURATION, this.languages.limit(execution.language()), error),
					this::codeExecutionTimer);
		}
		if (operation instanceof AgentStep) {
			return timer(MeterKey.of(AGENT_STEP_DURATION, agent(operation), error), this::agentStepTimer);
		}
		return timer(MeterKey.of(AGENT_RUN_DURATION, agent(operation), error), this::agentRunTimer);
	}

	private SummaryRecorder tokenSummary(ModelCall call, String tokenType) {
		SummaryRecorder summary = this.recentTokenSummaries.find(call.operationName(), call.providerName(),
				call.requestModel(), tokenType, null);
		if (summary == null) {
			summary = tokenSummary(MeterKey.of(TOKEN_USAGE, this.operations.limit(call.operationName()),
					this.providers.limit(call.providerName()), this.models.limit(call.requestModel()), tokenType));
			this.recentTokenSummaries.put(call.operationName(), call.providerName(), call.requestModel(), tokenType,
					null, summary);
		}
		return summary;
	}

	private CounterRecorder tokenCounter(ModelCall call, String tokenType) {
		CounterRecorder counter = this.recentTokenCounters.find(call.operationName(), call.providerName(),
				call.requestModel(), tokenType, null);
		if (counter == null) {
			MeterKey key = MeterKey.of(TOKEN_USAGE_DETAIL, this.operations.limit(call.operationName()),
					this.providers.limit(call.providerName()), this.models.limit(call.requestModel()), tokenType);
			SeriesLimiter family = this.limits.forFamily(TOKEN_USAGE_DETAIL);
			Counter existing = this.tokenCounters.get(key);
			if (existing != null || family.admit()) {
				counter = new CounterRecorder(
						(existing != null) ? existing : this.tokenCounters.computeIfAbsent(key, this::tokenCounterOf),
						null);
			}
			else {
				// The token type is the code's own: folded series keep it
				counter = new CounterRecorder(this.tokenCounters.computeIfAbsent(key.folded(tokenType),
						this::tokenCounterOf), family.folded(this.registry));
			}
			this.recentTokenCounters.put(call.operationName(), call.providerName(), call.requestModel(), tokenType,
					null, counter);
		}
		return counter;
	}

	private Counter tokenCounterOf(MeterKey key) {
		return Counter.builder(TOKEN_USAGE_DETAIL)
			.description("Input tokens read from or written to the prompt cache, and output tokens spent reasoning")
			.baseUnit("tokens")
			.tags(Tags.of(OPERATION, key.a(), PROVIDER, key.b(), MODEL, key.c(), TOKEN_TYPE, key.d()))
			.register(this.registry);
	}

	/**
	 * Show the runs in progress of one agent as {@code agent_active_runs}. Called by the count
	 * of runs in progress for each agent it meets:
	 * {@code activeRuns.onNewAgent(metrics::gaugeActiveRuns)}.
	 * @param agent the agent's name, already capped
	 * @param count its runs in progress
	 */
	public void gaugeActiveRuns(String agent, AtomicInteger count) {
		Gauge.builder(ACTIVE_RUNS, count, AtomicInteger::get)
			.description("Agent runs in progress")
			.tag(AGENT, agent)
			.strongReference(true)
			.register(this.registry);
	}

	/**
	 * The timer of a combination of capped label values: its own while the family has room or
	 * already holds it, else the family's folded one (whether it failed is all it keeps).
	 */
	private TimerRecorder timer(MeterKey key, Function<MeterKey, Timer> factory) {
		Timer timer = this.timers.get(key);
		if (timer != null) {
			return new TimerRecorder(timer, null);
		}
		SeriesLimiter family = this.limits.forFamily(key.family());
		if (family.admit()) {
			return new TimerRecorder(this.timers.computeIfAbsent(key, factory), null);
		}
		String error = NO_ERROR.equals(key.last()) ? NO_ERROR : TagValueLimiter.OTHER;
		return new TimerRecorder(this.timers.computeIfAbsent(key.folded(error), factory),
				family.folded(this.registry));
	}

	private SummaryRecorder tokenSummary(MeterKey key) {
		DistributionSummary summary = this.tokenSummaries.get(key);
		if (summary != null) {
			return new SummaryRecorder(summary, null);
		}
		SeriesLimiter family = this.limits.forFamily(TOKEN_USAGE);
		if (family.admit()) {
			return new SummaryRecorder(this.tokenSummaries.computeIfAbsent(key, this::tokenSummaryOf), null);
		}
		// The token type is the code's own (input or output): folded series keep it
		return new SummaryRecorder(this.tokenSummaries.computeIfAbsent(key.folded(key.last()), this::tokenSummaryOf),
				family.folded(this.registry));
	}

	private DistributionSummary tokenSummaryOf(MeterKey key) {
		return DistributionSummary.builder(TOKEN_USAGE)
			.description("Number of input and output tokens used")
			.baseUnit("tokens")
			.tags(Tags.of(OPERATION, key.a(), PROVIDER, key.b(), MODEL, key.c(), TOKEN_TYPE, key.d()))
			.register(this.registry);
	}

	private Timer agentRunTimer(MeterKey key) {
		return Timer.builder(AGENT_RUN_DURATION)
			.description("Duration of agent runs")
			.tags(Tags.of(AGENT, key.a(), ERROR, key.b()))
			.register(this.registry);
	}

	private Timer agentStepTimer(MeterKey key) {
		return Timer.builder(AGENT_STEP_DURATION)
			.description("Duration of agent steps")
			.tags(Tags.of(AGENT, key.a(), ERROR, key.b()))
			.register(this.registry);
	}

	private Timer modelCallTimer(MeterKey key) {
		return Timer.builder(MODEL_CALL_DURATION)
			.description("GenAI operation duration")
			.tags(Tags.of(OPERATION, key.a(), PROVIDER, key.b(), MODEL, key.c(), ERROR, key.d()))
			.register(this.registry);
	}

	private Timer firstChunkTimer(MeterKey key) {
		return Timer.builder(TIME_TO_FIRST_CHUNK)
			.description("Time to receive the first chunk of a streamed GenAI response")
			.tags(Tags.of(OPERATION, key.a(), PROVIDER, key.b(), MODEL, key.c(), ERROR, key.d()))
			.register(this.registry);
	}

	private Timer outputChunkTimer(MeterKey key) {
		return Timer.builder(TIME_PER_OUTPUT_CHUNK)
			.description("Time between the output chunks of a streamed GenAI response, after the first")
			.tags(Tags.of(OPERATION, key.a(), PROVIDER, key.b(), MODEL, key.c(), ERROR, key.d()))
			.register(this.registry);
	}

	private Timer toolCallTimer(MeterKey key) {
		return Timer.builder(TOOL_CALL_DURATION)
			.description("Duration of tool calls")
			.tags(Tags.of(TOOL, key.a(), TOOL_TYPE, key.b(), AGENT, key.c(), ERROR, key.d()))
			.register(this.registry);
	}

	private Timer codeExecutionTimer(MeterKey key) {
		return Timer.builder(CODE_EXECUTION_DURATION)
			.description("Duration of code executions")
			.tags(Tags.of(LANGUAGE, key.a(), ERROR, key.b()))
			.register(this.registry);
	}

	private String agent(AgentOperation operation) {
		return this.agents.limitOrUnknown(operation.agentName());
	}

	private String errorType(AgentOperation operation) {
		String errorType = operation.errorType();
		return (errorType != null) ? this.errors.limit(errorType) : NO_ERROR;
	}

	/**
	 * A duration timer and, when it is a folded series, the count of operations folded.
	 */
	private record TimerRecorder(Timer timer, @Nullable Counter folded) {

		void record(long nanos) {
			this.timer.record(nanos, TimeUnit.NANOSECONDS);
			if (this.folded != null) {
				this.folded.increment();
			}
		}

	}

	/**
	 * A token summary and, when it is a folded series, the count of operations folded.
	 */
	private record SummaryRecorder(DistributionSummary summary, @Nullable Counter folded) {

		void record(long tokens) {
			this.summary.record(tokens);
			if (this.folded != null) {
				this.folded.increment();
			}
		}

	}

	/**
	 * A token counter and, when it is a folded series, the count of operations folded.
	 */
	private record CounterRecorder(Counter counter, @Nullable Counter folded) {

		void increment(long tokens) {
			this.counter.increment(tokens);
			if (this.folded != null) {
				this.folded.increment();
			}
		}

	}

	/**
	 * A meter family and up to four label values, in the family's label order.
	 */
	private record MeterKey(String family, String a, String b, @Nullable String c, @Nullable String d) {

		static MeterKey of(String family, String a, String b) {
			return new MeterKey(family, a, b, null, null);
		}

		static MeterKey of(String family, String a, String b, String c, String d) {
			return new MeterKey(family, a, b, c, d);
		}

		/**
		 * The last label value: the error type of a duration, the type of a token count.
		 */
		String last() {
			return (this.d != null) ? this.d : this.b;
		}

		/**
		 * The key of the folded series: every label {@code _OTHER} but the last.
		 */
		MeterKey folded(String last) {
			String other = TagValueLimiter.OTHER;
			return (this.d != null) ? new MeterKey(this.family, other, other, other, last)
					: new MeterKey(this.family, other, last, null, null);
		}

	}

}
