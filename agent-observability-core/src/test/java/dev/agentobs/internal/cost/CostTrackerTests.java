package dev.agentobs.internal.cost;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.agentobs.cost.DailyUsage;
import dev.agentobs.cost.ModelPrice;
import dev.agentobs.cost.ModelUsage;
import dev.agentobs.cost.PriceSource;
import dev.agentobs.internal.metrics.TagValueLimits;
import dev.agentobs.operation.AgentOperation;
import dev.agentobs.stats.MutableClock;

import static dev.agentobs.internal.cost.CostCalculatorTests.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Tests for {@link CostTracker}.
 */
class CostTrackerTests {

	private final CostCalculator calculator = new CostCalculator(Map.of("gpt-4o", new ModelPrice(2.50, 10.00, 1.25)));

	private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T22:00:00Z"));

	@Test
	void addsUpTheDaysTokensAndCostPerModel() {
		CostTracker tracker = new CostTracker(this.calculator, new TagValueLimits(100), this.clock, ZoneOffset.UTC);
		tracker.accept(call("gpt-4o", 1_000, 800, 100));
		tracker.accept(call("gpt-4o", 1_000, 0, 500));
		tracker.accept(AgentOperation.toolCall("web_search").build());

		DailyUsage today = tracker.today();
		assertThat(today.date()).isEqualTo(LocalDate.of(2026, 3, 2));
		assertThat(today.calls()).isEqualTo(2);
		assertThat(today.inputTokens()).isEqualTo(2_000);
		assertThat(today.cachedInputTokens()).isEqualTo(800);
		assertThat(today.outputTokens()).isEqualTo(600);
		assertThat(today.cost()).isCloseTo(0.0025 + 0.0075, within(1e-12));
		assertThat(today.costKnown()).isTrue();
		assertThat(today.models().get("gpt-4o").cost()).isCloseTo(0.01, within(1e-12));
	}

	@Test
	void modelWithoutPriceMakesItsCostUnknownNotZero() {
		CostTracker tracker = new CostTracker(this.calculator, new TagValueLimits(100), this.clock, ZoneOffset.UTC);
		tracker.accept(call("gpt-4o", 1_000, 0, 500));
		tracker.accept(call("llama3", 5_000, 0, 5_000));

		DailyUsage today = tracker.today();
		assertThat(today.costKnown()).isFalse();
		assertThat(today.unpricedModels()).containsExactly("llama3");
		assertThat(today.cost()).isCloseTo(0.0075, within(1e-12));
		assertThat(today.models().get("llama3").cost()).isNull();
		assertThat(today.models().get("llama3").inputTokens()).isEqualTo(5_000);
	}

	@Test
	void eachModelSaysWhereItsPriceCameFrom() {
		CostCalculator calculator = new CostCalculator(Map.of("gpt-4o", ModelPrice.of(2.50, 10.00)),
				CostCalculatorTests.CATALOGUE, Map.of());
		CostTracker tracker = new CostTracker(calculator, new TagValueLimits(100), this.clock, ZoneOffset.UTC);
		tracker.accept(call("gpt-4o", 1_000, 0, 500));
		tracker.accept(call("grok-4", 1_000, 0, 500));
		tracker.accept(call("llama3", 1_000, 0, 500));

		Map<String, ModelUsage> models = tracker.today().models();
		assertThat(models.get("gpt-4o").priceSource()).isEqualTo(PriceSource.configured("gpt-4o"));
		assertThat(models.get("grok-4").priceSource()).isEqualTo(PriceSource.catalogue("xai/grok-4"));
		assertThat(models.get("grok-4").cost()).isCloseTo((1_000 * 3 + 500 * 15) / 1e6, within(1e-12));
		assertThat(models.get("llama3").priceSource()).isEqualTo(PriceSource.unknown());
	}

	@Test
	void countsStartAgainAtMidnightUtc() {
		CostTracker tracker = new CostTracker(this.calculator, new TagValueLimits(100), this.clock, ZoneOffset.UTC);
		tracker.accept(call("gpt-4o", 1_000, 0, 500));
		this.clock.advance(Duration.ofHours(2));
		assertThat(tracker.today().date()).isEqualTo(LocalDate.of(2026, 3, 3));
		assertThat(tracker.today().calls()).isZero();
		assertThat(tracker.today().cost()).isZero();
		tracker.accept(call("gpt-4o", 1_000, 0, 0));
		assertThat(tracker.today().cost()).isCloseTo(0.0025, within(1e-12));
	}

	@Test
	void dayFollowsTheConfiguredZone() {
		// 22:00 UTC is already 07:00 the next day in Tokyo; its midnight is 15:00 UTC.
		ZoneId tokyo = ZoneId.of("Asia/Tokyo");
		CostTracker tracker = new CostTracker(this.calculator, new TagValueLimits(100), this.clock, tokyo);
		tracker.accept(call("gpt-4o", 1_000, 0, 500));
		this.clock.advance(Duration.ofHours(2));
		DailyUsage today = tracker.today();
		assertThat(today.date()).isEqualTo(LocalDate.of(2026, 3, 3));
		assertThat(today.zone()).isEqualTo(tokyo);
		assertThat(today.calls()).isEqualTo(1);
	}

	@Test
	void todayCountsFromTheStartOfTheInstanceThenFromMidnight() {
		// Started at 22:00 UTC: the first day counts from then, not from its midnight
		CostTracker tracker = new CostTracker(this.calculator, new TagValueLimits(100), this.clock, ZoneOffset.UTC);
		assertThat(tracker.today().since()).isEqualTo(Instant.parse("2026-03-02T22:00:00Z"));
		this.clock.advance(Duration.ofHours(3));
		assertThat(tracker.today().since()).isEqualTo(Instant.parse("2026-03-03T00:00:00Z"));
	}

	@Test
	void todaySinceIsTheMidnightOfTheConfiguredZone() {
		// 22:00 UTC is 07:00 in Tokyo: the Tokyo day began at 15:00 UTC, before the start
		ZoneId tokyo = ZoneId.of("Asia/Tokyo");
		CostTracker tracker = new CostTracker(this.calculator, new TagValueLimits(100), this.clock, tokyo);
		assertThat(tracker.today().since()).isEqualTo(Instant.parse("2026-03-02T22:00:00Z"));
		this.clock.advance(Duration.ofHours(18));
		assertThat(tracker.today().since()).isEqualTo(Instant.parse("2026-03-03T15:00:00Z"));
	}

}
