package dev.agentobs.sample;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

import dev.agentobs.test.AutoConfigureAgentObservability;

/**
 * The whole sample on a random port, with a model that answers at once and never fails, no
 * background traffic, and every agent operation and span recorded for the test's assertions
 * ({@code RecordedAgentOperations}, {@code RecordedSpans}). Test classes that share it share
 * one application.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "sample.traffic.rate=0", "sample.llm.latency=0ms", "sample.llm.failure-rate=0" })
@AutoConfigureAgentObservability
@Import(SpanThreadsConfiguration.class)
public @interface SampleAppTest {

}
