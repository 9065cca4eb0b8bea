package dev.agentobs.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;

import dev.agentobs.internal.alert.AlertEvaluator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests that the alerting threads live exactly as long as the application context: none while
 * beans are created, all of them once it has started, none after it closed or failed to start.
 */
class AlertThreadsLifecycleTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BootAutoConfigurations.observation(), BootAutoConfigurations.metrics(),
				AgentObservationAutoConfiguration.class, AgentCostAutoConfiguration.class,
				AgentStatisticsAutoConfiguration.class, AgentAlertingAutoConfiguration.class))
		.withPropertyValues("monitoring.alerts.webhooks[0].url=https://hooks.example.org/a",
				"monitoring.alerts.webhooks[1].url=https://hooks.example.org/b");

	/**
	 * Alert threads of other tests' contexts, which Spring's test context cache may keep open in
	 * this JVM: they are not this test's to count.
	 */
	private Set<Thread> othersThreads = Set.of();

	@BeforeEach
	void rememberOthersThreads() {
		this.othersThreads = Set.copyOf(alertThreads());
	}

	@Test
	void threadsRunFromStartToClose() {
		ConfigurableApplicationContext[] started = new ConfigurableApplicationContext[1];
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(AlertEvaluator.class);
			started[0] = context;
			assertThat(alertThreads()).extracting(Thread::getName)
				.containsExactlyInAnyOrder("agent-alerts-evaluator", "agent-alerts-webhook-0", "agent-alerts-webhook-1");
		});
		assertThat(started[0].isActive()).isFalse();
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(alertThreads()).isEmpty());
	}

	@Test
	void startUpThatFailsAfterTheEvaluatorIsCreatedLeavesNoThread() {
		// Fails once every singleton, the evaluator included, exists: where a bad webhook used to
		// be found after the first delivery threads had started
		this.contextRunner.withBean("failsLate", SmartInitializingSingleton.class, () -> () -> {
			throw new IllegalStateException("fails after the singletons are created");
		}).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(alertThreads()).isEmpty();
		});
	}

	@Test
	void badWebhookFailsBeforeAnyThreadStarts() {
		this.contextRunner.withPropertyValues("monitoring.alerts.webhooks[1].url=ftp://hooks.example.org/b")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(alertThreads()).isEmpty();
			});
	}

	private List<Thread> alertThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.isAlive() && thread.getName().startsWith("agent-alerts-"))
			.filter((thread) -> !this.othersThreads.contains(thread))
			.toList();
	}

}
