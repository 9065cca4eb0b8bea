package dev.agentobs.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.observation.ObservationRegistry;
import org.aspectj.weaver.Advice;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.agentobs.api.AgentObservations;
import dev.agentobs.event.AgentEventListener;
import dev.agentobs.internal.aop.AgentObservationAspect;
import dev.agentobs.internal.event.AgentEventPublisher;
import dev.agentobs.internal.logging.AgentLogContextHandler;
import dev.agentobs.internal.logging.AgentLogEvents;
import dev.agentobs.internal.metrics.TagValueLimits;
import dev.agentobs.internal.observation.AgentOperationDispatcher;
import dev.agentobs.internal.observation.AgentOperationHandler;
import dev.agentobs.observation.DefaultToolCallObservationConvention;
import dev.agentobs.observation.ToolCallContext;
import dev.agentobs.observation.ToolCallObservationConvention;
import dev.agentobs.operation.AgentOperation;
import dev.agentobs.operation.AgentOperationSink;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AgentObservationAutoConfiguration}.
 */
class AgentObservationAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(BootAutoConfigurations.observation(), AgentObservationAutoConfiguration.class));

	@Test
	void runShouldCreateObservationModelBeans() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(AgentObservations.class)
			.hasSingleBean(AgentOperationDispatcher.class)
			.hasSingleBean(AgentOperationHandler.class)
			.hasSingleBean(TagValueLimits.class)
			.hasSingleBean(AgentLogContextHandler.class)
			.hasSingleBean(AgentLogEvents.class)
			.hasSingleBean(AgentObservationAspect.class)
			.hasSingleBean(MonitoringProperties.class));
	}

	@Test
	void runWhenDisabledShouldAddNoBean() {
		this.contextRunner.withPropertyValues("monitoring.enabled=false").run((context) -> {
			assertThat(context).hasSingleBean(ObservationRegistry.class);
			assertThat(context.getBeanNamesForType(Object.class))
				.noneMatch((name) -> context.getType(name).getPackageName().startsWith("dev.agentobs"));
		});
	}

	@Test
	void runWithoutListenerShouldNotCreateEventPublisher() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(AgentEventPublisher.class));
	}

	@Test
	void runWithListenerShouldCreateEventPublisher() {
		this.contextRunner.withBean(AgentEventListener.class, () -> (event) -> {
		}).run((context) -> assertThat(context).hasSingleBean(AgentEventPublisher.class));
	}

	@Test
	void runWhenLogEventsDisabledShouldNotCreateLogEvents() {
		this.contextRunner.withPropertyValues("monitoring.logging.events=false")
			.run((context) -> assertThat(context).doesNotHaveBean(AgentLogEvents.class));
	}

	@Test
	void runWithoutAspectJShouldNotCreateAspect() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(Advice.class))
			.run((context) -> assertThat(context).doesNotHaveBean(AgentObservationAspect.class)
				.hasSingleBean(AgentObservations.class));
	}

	@Test
	void runWithUserBeansShouldBackOff() {
		AgentObservations own = new AgentObservations(ObservationRegistry.NOOP, (operation) -> {
		});
		TagValueLimits limits = new TagValueLimits(7);
		this.contextRunner.withBean(AgentObservations.class, () -> own)
			.withBean(TagValueLimits.class, () -> limits)
			.run((context) -> {
				assertThat(context).getBean(AgentObservations.class).isSameAs(own);
				assertThat(context).getBean(TagValueLimits.class).isSameAs(limits);
			});
	}

	@Test
	void runWithUserConventionShouldUseIt() {
		ToolCallObservationConvention renamed = new DefaultToolCallObservationConvention() {
			@Override
			public String getContextualName(ToolCallContext context) {
				return "tool " + context.getToolName();
			}
		};
		this.contextRunner.withBean(ToolCallObservationConvention.class, () -> renamed).run((context) -> {
			ObservationRegistry registry = context.getBean(ObservationRegistry.class);
			String[] seen = new String[1];
			registry.observationConfig().observationHandler(new io.micrometer.observation.ObservationHandler<>() {
				@Override
				public void onStop(io.micrometer.observation.Observation.Context ctx) {
					seen[0] = ctx.getContextualName();
				}

				@Override
				public boolean supportsContext(io.micrometer.observation.Observation.Context ctx) {
					return ctx instanceof ToolCallContext;
				}
			});
			context.getBean(AgentObservations.class).tool("web_search").observe(() -> {
			});
			assertThat(seen[0]).isEqualTo("tool web_search");
		});
	}

	@Test
	void runWithBadMaxTagValuesShouldFailNamingTheKeyAndValue() {
		this.contextRunner.withPropertyValues("monitoring.metrics.max-tag-values=0").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(FailureAnalyses.of(context.getStartupFailure()))
				.contains("Property: monitoring.metrics.max-tag-values", "Value: \"0\"",
						"Reason: max-tag-values must be 1 or more");
		});
	}

	@Test
	void sinksAreReadOnTheFirstOperationNotWithTheObservationRegistry() {
		List<AgentOperation> received = new ArrayList<>();
		AtomicInteger created = new AtomicInteger();
		this.contextRunner.withBean("lateSink", AgentOperationSink.class, () -> {
			created.incrementAndGet();
			return received::add;
		}, (definition) -> definition.setLazyInit(true)).run((context) -> {
			context.getBean(ObservationRegistry.class);
			context.getBean(AgentOperationDispatcher.class);
			assertThat(created).as("created with the registry and the dispatcher").hasValue(0);
			context.getBean(AgentObservations.class).tool("web_search").observe(() -> {
			});
			assertThat(created).hasValue(1);
			assertThat(received).singleElement().satisfies((operation) -> assertThat(operation.name()).isEqualTo("web_search"));
		});
	}

}
