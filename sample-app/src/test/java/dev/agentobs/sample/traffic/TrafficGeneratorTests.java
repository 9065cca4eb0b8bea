package dev.agentobs.sample.traffic;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.agentobs.sample.SampleProperties;
import dev.agentobs.sample.agent.ResearchAgent;
import dev.agentobs.sample.agent.ResearchFailedException;
import dev.agentobs.sample.agent.ResearchResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

@ExtendWith(OutputCaptureExtension.class)
class TrafficGeneratorTests {

	private final ResearchAgent agent = mock(ResearchAgent.class);

	private TrafficGenerator generator;

	@AfterEach
	void stop() {
		if (this.generator != null) {
			this.generator.stop();
		}
	}

	@Test
	void runsResearchWithVariedQuestionsAtTheConfiguredRate() {
		given(this.agent.research(anyString(), any())).willReturn(new ResearchResult("42", "run", "trace"));
		this.generator = new TrafficGenerator(this.agent, properties(20));
		this.generator.start();
		assertThat(this.generator.isRunning()).isTrue();
		for (String question : TrafficGenerator.QUESTIONS.subList(0, 3)) {
			verify(this.agent, timeout(5000)).research(question, "traffic-0");
		}
	}

	@Test
	void oneRunInFourStreamsItsAnswer() {
		given(this.agent.research(anyString(), any())).willReturn(new ResearchResult("42", "run", "trace"));
		given(this.agent.stream(anyString(), any())).willReturn(new ResearchResult("42", "run", "trace"));
		this.generator = new TrafficGenerator(this.agent, properties(20));
		this.generator.start();
		verify(this.agent, timeout(5000)).stream(eq(TrafficGenerator.QUESTIONS.get(TrafficGenerator.STREAMED_EVERY - 1)),
				any());
	}

	@Test
	void failedRunIsLoggedAndTrafficGoesOn(CapturedOutput output) {
		given(this.agent.research(anyString(), any()))
			.willThrow(new ResearchFailedException("run-1", "trace-1", new IllegalStateException("model down")));
		this.generator = new TrafficGenerator(this.agent, properties(20));
		this.generator.start();
		verify(this.agent, timeout(5000).atLeast(3)).research(anyString(), any());
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(output)
				.contains("Background research run failed: Research run run-1 failed: model down"));
	}

	@Test
	void stopEndsTheGeneratorAndItsThreads() {
		given(this.agent.research(anyString(), any())).willReturn(new ResearchResult("42", "run", "trace"));
		this.generator = new TrafficGenerator(this.agent, properties(20));
		this.generator.start();
		verify(this.agent, timeout(5000).atLeast(1)).research(anyString(), any());
		this.generator.stop();
		assertThat(this.generator.isRunning()).isFalse();
		await().atMost(Duration.ofSeconds(5))
			.until(() -> threadsNamed("traffic-").isEmpty());
	}

	@Test
	void rateOfZeroRunsNothing() {
		this.generator = new TrafficGenerator(this.agent, properties(0));
		this.generator.start();
		assertThat(this.generator.isRunning()).isTrue();
		assertThat(threadsNamed("traffic-generator")).isEmpty();
		verifyNoInteractions(this.agent);
	}

	private static List<Thread> threadsNamed(String prefix) {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.getName().startsWith(prefix))
			.toList();
	}

	private static SampleProperties properties(double rate) {
		SampleProperties properties = new SampleProperties();
		properties.getTraffic().setRate(rate);
		return properties;
	}

}
