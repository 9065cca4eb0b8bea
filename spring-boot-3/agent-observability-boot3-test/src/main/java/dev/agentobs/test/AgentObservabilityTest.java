package dev.agentobs.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.autoconfigure.OverrideAutoConfiguration;
import org.springframework.boot.test.autoconfigure.filter.TypeExcludeFilters;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.core.annotation.AliasFor;
import org.springframework.core.env.Environment;
import org.springframework.test.context.BootstrapWith;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * A test of agents alone: no web layer, no web server, no data access. The context holds
 * the starter's auto-configurations with those of Spring Boot they build on (observation,
 * metrics, tracing, AOP for {@code @ObservedAgent} and {@code @ObservedTool}), the
 * components the test names, and from the application's own components only those that
 * shape observations: {@code AgentEventListener}, {@code AgentOperationSink} and
 * observation convention beans. Everything else the agents need comes from
 * {@code @Import} or {@code @MockitoBean}.
 *
 * <pre class="code">
 * &#064;AgentObservabilityTest(ResearchAgent.class)
 * class ResearchAgentTests {
 *
 *     &#064;Autowired ResearchAgent agent;
 *
 *     &#064;Autowired RecordedAgentOperations recorded;
 *
 *     &#064;Test
 *     void answersInThreeSteps() {
 *         agent.answer("Why is the sky blue?");
 *         assertThat(recorded).hasAgentRun("research-agent").withSteps(3).hasNoErrors();
 *     }
 *
 * }
 * </pre>
 *
 * As with {@link AutoConfigureAgentObservability @AutoConfigureAgentObservability}, which it
 * includes, every finished operation is recorded in {@link RecordedAgentOperations} and
 * cleared before each test.
 *
 * @since 0.1.0
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@BootstrapWith(AgentObservabilityTestContextBootstrapper.class)
@ExtendWith(SpringExtension.class)
@OverrideAutoConfiguration(enabled = false)
@TypeExcludeFilters(AgentObservabilityTypeExcludeFilter.class)
@AutoConfigureAgentObservability
@ImportAutoConfiguration
public @interface AgentObservabilityTest {

	/**
	 * The components to test, such as the agents; alias for {@link #components()}.
	 * @return the components to test
	 */
	@AliasFor("components")
	Class<?>[] value() default {};

	/**
	 * The components to test, such as the agents: found by component scanning, with every
	 * subclass and implementation.
	 * @return the components to test
	 */
	@AliasFor("value")
	Class<?>[] components() default {};

	/**
	 * Properties in form {@literal key=value} that should be added to the Spring
	 * {@link Environment} before the test runs.
	 * @return the properties to add
	 */
	String[] properties() default {};

	/**
	 * Whether the application's {@code AgentEventListener}, {@code AgentOperationSink} and
	 * observation convention beans are included besides the named components.
	 * @return whether the default filters are used
	 */
	boolean useDefaultFilters() default true;

	/**
	 * Filters that add more components found by scanning.
	 * @return the include filters
	 */
	Filter[] includeFilters() default {};

	/**
	 * Filters that leave out components that would otherwise be included.
	 * @return the exclude filters
	 */
	Filter[] excludeFilters() default {};

	/**
	 * Auto-configurations to leave out of this test.
	 * @return the auto-configurations to exclude
	 */
	@AliasFor(annotation = ImportAutoConfiguration.class, attribute = "exclude")
	Class<?>[] excludeAutoConfiguration() default {};

}
