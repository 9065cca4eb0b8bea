package dev.agentobs.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.properties.PropertyMapping;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;

/**
 * Observe agents in a test as in production, and record what they did. On a
 * {@code @SpringBootTest}, a {@code @WebMvcTest} or any other test slice it:
 * <ul>
 * <li>imports the starter's auto-configurations and those of Spring Boot they build on
 * (observation, metrics, tracing), for slices that would leave them out;</li>
 * <li>keeps metrics and traces on as
 * {@link AutoConfigureObservability @AutoConfigureObservability} does: without it Spring Boot
 * turns export off in tests, and the Prometheus registry with it;</li>
 * <li>samples every trace, so that each agent run has spans to assert on;</li>
 * <li>defines a {@link RecordedAgentOperations} bean that records every finished agent
 * operation, and a {@link RecordedSpans} bean that records every span when the application
 * traces with the OpenTelemetry SDK;</li>
 * <li>clears both before each test method.</li>
 * </ul>
 *
 * <pre class="code">
 * &#064;SpringBootTest
 * &#064;AutoConfigureAgentObservability
 * class ResearchAgentTests {
 *
 *     &#064;Autowired ResearchAgent agent;
 *
 *     &#064;Autowired RecordedAgentOperations recorded;
 *
 *     &#064;Test
 *     void answersInThreeStepsWithinBudget() {
 *         agent.answer("Why is the sky blue?");
 *         assertThat(recorded).hasAgentRun("research-agent").withSteps(3).withCostAtMost(0.01).hasNoErrors();
 *     }
 *
 * }
 * </pre>
 *
 * @since 0.1.0
 * @see AgentObservabilityTest
 * @see AgentObservabilityAssertions
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@AutoConfigureObservability
@ImportAutoConfiguration
@Import(StarterAutoConfigurationImportSelector.class)
@ExtendWith(RecordingsClearingExtension.class)
public @interface AutoConfigureAgentObservability {

	/**
	 * Whether metrics are exported as in production (to Prometheus, for a scrape in the test)
	 * rather than kept in a simple in-memory registry.
	 * @return whether metrics are exported
	 */
	@AliasFor(annotation = AutoConfigureObservability.class, attribute = "metrics")
	boolean exportMetrics() default true;

	/**
	 * Whether spans are exported as in production, to the exporters the application
	 * configures. They are recorded for {@link RecordedSpans} either way.
	 * @return whether spans are exported
	 */
	@AliasFor(annotation = AutoConfigureObservability.class, attribute = "tracing")
	boolean exportTraces() default true;

	/**
	 * The share of traces sampled, {@code management.tracing.sampling.probability}: all of
	 * them unless told otherwise, so that span assertions never depend on chance.
	 * @return the sampling probability, from 0.0 to 1.0
	 */
	@PropertyMapping("management.tracing.sampling.probability")
	float samplingProbability() default 1.0f;

}
