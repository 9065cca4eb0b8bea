package dev.agentobs.internal.observation;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.agentobs.api.AgentObservations;
import dev.agentobs.cost.DailyUsage;
import dev.agentobs.cost.ModelPrice;
import dev.agentobs.event.AgentEvent;
import dev.agentobs.internal.cost.CostCalculator;
import dev.agentobs.internal.cost.CostMetrics;
import dev.agentobs.internal.cost.CostTracker;
import dev.agentobs.internal.event.AgentEventPublisher;
import dev.agentobs.internal.logging.AgentLogEvents;
import dev.agentobs.internal.metrics.AgentMetrics;
import dev.agentobs.internal.metrics.HistogramBuckets;
import dev.agentobs.internal.metrics.TagValueLimits;
import dev.agentobs.internal.report.AgentsDescriptor;
import dev.agentobs.internal.stats.OperationStatistics;
import dev.agentobs.internal.support.SecretMasker;
import dev.agentobs.operation.AgentOperation;
import dev.agentobs.operation.OperationOutcome;
import dev.agentobs.stats.MutableClock;
import dev.agentobs.stats.OperationSummary;
import dev.agentobs.stats.StatisticsSnapshot;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a hostile user or a broken provider can hand the facade, through every real sink: a
 * Prometheus registry, the statistics, the cost, the log events and the event listeners.
 */
@ExtendWith(OutputCaptureExtension.class)
class HostileInputTests {

	private static final Instant START = Instant.parse("2025-06-01T10:00:00Z");

	private final MutableClock clock = new MutableClock(START);

	private final TagValueLimits limits = new TagValueLimits(100);

	private final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

	private final CostCalculator calculator = new CostCalculator(Map.of("gpt-4o", ModelPrice.of(2.50, 10.00)));

	private final CostTracker costTracker = new CostTracker(this.calculator, this.limits, this.clock,
			ZoneOffset.UTC);

	private final OperationStatistics statistics = new OperationStatistics(Duration.ofMinutes(5), this.limits,
			this.clock, null, this.costTracker);

	private final List<AgentEvent> events = new ArrayList<>();

	private final ListAppender<ILoggingEvent> logEvents = new ListAppender<>();

	private final Logger logger = (Logger) LoggerFactory.getLogger(AgentLogEvents.LOGGER_NAME);

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private final AgentObservations observations;

	HostileInputTests() {
		new HistogramBuckets().applyTo(this.meters);
		AgentOperationDispatcher dispatcher = new AgentOperationDispatcher(List.of(
				new AgentMetrics(this.meters, this.limits), new CostMetrics(this.meters, this.calculator, this.limits),
				this.statistics, this.costTracker, new AgentLogEvents(),
				new AgentEventPublisher(List.of((event) -> this.events.add(event)))));
		this.registry.observationConfig().observationHandler(new AgentOperationHandler(dispatcher));
		this.observations = new AgentObservations(this.registry, dispatcher::dispatch);
	}

	@BeforeEach
	void attach() {
		this.logEvents.start();
		this.logger.addAppender(this.logEvents);
	}

	@AfterEach
	void detach() {
		this.logger.detachAppender(this.logEvents);
	}

	@Test
	void tokenCountsOfLongMaxValueNeitherOverflowTheTotalsNorMakeAnAbsurdCost() {
		for (int i = 0; i < 2; i++) {
			String answer = this.observations.model("openai", "gpt-4o")
				.observe((call) -> (call.tokens(Long.MAX_VALUE, Long.MAX_VALUE) != null) ? "answer" : "none");
			assertThat(answer).isEqualTo("answer");
		}
		this.observations.model("openai", "gpt-4o").observe((call) -> call.tokens(1_000_000, 100_000));
		DailyUsage today = this.costTracker.today();
		assertThat(today.calls()).isEqualTo(3);
		assertThat(today.inputTokens()).isEqualTo(1_000_000);
		assertThat(today.outputTokens()).isEqualTo(100_000);
		assertThat(today.cost()).isEqualTo(3.50);
		OperationSummary window = this.statistics.snapshot().models().get("gpt-4o").window();
		assertThat(window.requests()).isEqualTo(3);
		assertThat(window.inputTokens()).isEqualTo(1_000_000);
		assertThat(this.meters.scrape()).contains("gen_ai_client_cost_usd_total{gen_ai_agent_name=\"unknown\","
				+ "gen_ai_provider_name=\"openai\",gen_ai_request_model=\"gpt-4o\"} 3.5");
	}

	@Test
	void aThousandYearOperationIsRecordedByEverySinkWithItsDurationClamped() {
		Duration thousandYears = Duration.ofDays(365_250);
		for (int i = 0; i < 3; i++) {
			this.observations.record(AgentOperation.agentRun("research-agent").duration(thousandYears).build());
			this.observations.record(
					AgentOperation.modelCall("openai", "gpt-4o").duration(thousandYears).tokens(10, 10).build());
		}
		String scrape = this.meters.scrape();
		assertThat(scrape).contains("gen_ai_invoke_agent_duration_seconds_count{error_type=\"none\","
				+ "gen_ai_agent_name=\"research-agent\"} 3");
		assertThat(scrape).contains("gen_ai_client_operation_duration_seconds_count{error_type=\"none\","
				+ "gen_ai_operation_name=\"chat\",gen_ai_provider_name=\"openai\",gen_ai_request_model=\"gpt-4o\"} 3");
		StatisticsSnapshot snapshot = this.statistics.snapshot();
		assertThat(snapshot.overall().window().requests()).isEqualTo(6);
		// Three durations of 292 years sum past Long.MAX_VALUE nanoseconds: the sum stops there
		assertThat(snapshot.overall().window().averageResponseTime()).isPositive()
			.isLessThanOrEqualTo(OperationOutcome.MAX_DURATION);
		assertThat(this.costTracker.today().calls()).isEqualTo(3);
		assertThat(this.logEvents.list).hasSize(6);
		assertThat(this.events).hasSize(6)
			.allSatisfy((event) -> assertThat(event.duration()).isEqualTo(OperationOutcome.MAX_DURATION));
	}

	@Test
	void namesOfTenThousandCharactersAreCutSoTheScrapeAndTheEndpointStaySmall() {
		String agent = "a".repeat(10_000);
		for (int i = 0; i < 100; i++) {
			String tool = String.format("%03d", i) + "t".repeat(9_997);
			String errorType = String.format("%03d", i) + "e".repeat(9_997);
			this.observations.agent(agent).observe(() -> this.observations.tool(tool).errorType(errorType).observe(() -> {
			}));
			this.observations.record(AgentOperation.modelCall("openai", tool).agentName(agent).tokens(10, 10).build());
		}
		String scrape = this.meters.scrape();
		Matcher labelValues = Pattern.compile("=\"([^\"]*)\"").matcher(scrape);
		int longest = 0;
		while (labelValues.find()) {
			longest = Math.max(longest, labelValues.group(1).length());
		}
		assertThat(longest).isEqualTo(AgentOperation.MAX_NAME_LENGTH);
		assertThat(scrape).contains("gen_ai_tool_name=\"042" + "t".repeat(125) + "\"");
		String json = JsonMapper.shared().writeValueAsString(AgentsDescriptor.of(this.statistics.snapshot(), List.of()));
		assertThat(json).contains("\"042" + "t".repeat(125) + "\"").doesNotContain("t".repeat(129));
		System.out.printf("Names of 10,000 characters: scrape %d bytes, /actuator/agents %d bytes%n",
				scrape.getBytes(StandardCharsets.UTF_8).length, json.getBytes(StandardCharsets.UTF_8).length);
		assertThat(scrape.getBytes(StandardCharsets.UTF_8)).hasSizeLessThan(3_000_000);
		assertThat(json.getBytes(StandardCharsets.UTF_8)).hasSizeLessThan(150_000);
		assertThat(this.logEvents.list).allSatisfy((event) -> assertThat(event.getFormattedMessage()).hasSizeLessThan(600));
	}

	@Test
	void aHundredToolsByAHundredAgentsByTwoErrorTypesStayWithinTheSeriesCapOfEachFamily(CapturedOutput output) {
		for (int a = 0; a < 100; a++) {
			this.observations.agent("agent-" + a).observe(() -> {
				for (int t = 0; t < 100; t++) {
					this.observations.tool("tool-" + t).observe(() -> "found");
					this.observations.tool("tool-" + t).errorType("timeout").observe(() -> "timed out");
				}
			});
		}
		String scrape = this.meters.scrape();
		Map<String, Integer> series = seriesPerFamily(scrape);
		System.out.printf("100 tools x 100 agents x 2 error types: %s, scrape %d bytes%n", series,
				scrape.getBytes(StandardCharsets.UTF_8).length);
		assertThat(series).containsEntry("gen_ai_execute_tool_duration_seconds", TagValueLimits.DEFAULT_MAX_SERIES_PER_FAMILY)
			.containsEntry("gen_ai_invoke_agent_duration_seconds", 100)
			.allSatisfy((family, count) -> assertThat(count).isLessThanOrEqualTo(TagValueLimits.DEFAULT_MAX_SERIES_PER_FAMILY));
		assertThat(scrape.getBytes(StandardCharsets.UTF_8)).hasSizeLessThan(2_000_000);
		// 498 combinations have series of their own; the calls of every other one are folded
		int admitted = TagValueLimits.DEFAULT_MAX_SERIES_PER_FAMILY - 2;
		assertThat(scrape).contains("agent_metrics_series_folded_total{family=\"gen_ai.execute_tool.duration\"} "
				+ (20_000 - admitted))
			.contains("gen_ai_execute_tool_duration_seconds_count{error_type=\"none\",gen_ai_agent_name=\"_OTHER\","
					+ "gen_ai_tool_name=\"_OTHER\",gen_ai_tool_type=\"_OTHER\"}")
			.contains("gen_ai_execute_tool_duration_seconds_count{error_type=\"_OTHER\",gen_ai_agent_name=\"_OTHER\","
					+ "gen_ai_tool_name=\"_OTHER\",gen_ai_tool_type=\"_OTHER\"}");
		assertThat(output.toString().split("Meter family 'gen_ai.execute_tool.duration' reached", -1)).hasSize(2);
	}

	@Test
	void secretsInErrorTypesAndErrorMessagesReachNoMetricStatisticLogOrEvent(CapturedOutput output) {
		String jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZ2VudCJ9.c2lnbmF0dXJlLW9mLXRoZS10b2tlbg";
		String awsSecret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
		String slackPath = "T0AAA1111/B0BBB2222/XyZSecretPath123";
		this.observations.tool("web_search").errorType("Bearer " + jwt).observe(() -> "refused");
		this.observations.record(AgentOperation.agentRun("research-agent").errorType("AKIAIOSFODNN7EXAMPLE").build());
		try {
			this.observations.agent("research-agent").observe(() -> {
				throw new IllegalStateException("401 from https://hooks.slack.com/services/" + slackPath
						+ " with Authorization: Bearer " + jwt + ", aws_secret_access_key " + awsSecret);
			});
		}
		catch (IllegalStateException expected) {
			// the agent's own failure, rethrown as it was
		}
		String scrape = this.meters.scrape();
		String json = JsonMapper.shared().writeValueAsString(AgentsDescriptor.of(this.statistics.snapshot(), List.of()));
		StringBuilder logged = new StringBuilder(output.toString());
		this.logEvents.list.forEach((event) -> logged.append(event.getFormattedMessage()).append(event.getKeyValuePairs()));
		// A listener is given the operation itself, the exception included; its error type is shown
		StringBuilder events = new StringBuilder();
		this.events.forEach((event) -> events.append(event.error()).append(event.attributes()));
		for (String secret : new String[] { jwt, awsSecret, slackPath, "AKIAIOSFODNN7EXAMPLE" }) {
			assertThat(scrape).as("scrape").doesNotContain(secret);
			assertThat(json).as("statistics").doesNotContain(secret);
			assertThat(logged).as("logs").doesNotContain(secret);
			assertThat(events).as("events").doesNotContain(secret);
		}
		assertThat(scrape).contains("error_type=\"" + SecretMasker.REDACTED + "\",gen_ai_agent_name=\"research-agent\"")
			.contains("error_type=\"java.lang.IllegalStateException\"");
		assertThat(json).contains("hooks.slack.com/<sha256:").contains("Bearer ****");
		assertThat(this.logEvents.list).extracting(ILoggingEvent::getFormattedMessage)
			.anySatisfy((message) -> assertThat(message).endsWith(": " + SecretMasker.REDACTED));
	}

	/**
	 * The series of each family in a scrape: the label sets of its counts (histograms) or of
	 * its samples (counters and gauges).
	 */
	private static Map<String, Integer> seriesPerFamily(String scrape) {
		Map<String, Set<String>> series = new TreeMap<>();
		for (String line : scrape.split("\n")) {
			if (line.startsWith("#") || line.isEmpty() || line.contains("_bucket{") || line.contains("_sum{")
					|| line.contains("_max{")) {
				continue;
			}
			int labels = line.indexOf('{');
			String name = line.substring(0, labels).replaceFirst("_count$", "");
			series.computeIfAbsent(name, (key) -> new HashSet<>()).add(line.substring(labels, line.lastIndexOf('}')));
		}
		Map<String, Integer> counts = new TreeMap<>();
		series.forEach((name, labelSets) -> counts.put(name, labelSets.size()));
		return counts;
	}

}
