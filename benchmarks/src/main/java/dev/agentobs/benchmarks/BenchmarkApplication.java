package dev.agentobs.benchmarks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.agentobs.event.AgentEvent;
import dev.agentobs.event.AgentEventListener;
import dev.agentobs.internal.cost.RunLedgers;
import dev.agentobs.internal.observation.AgentOperationDispatcher;

/**
 * The application the benchmarks observe in: the starter's auto-configurations (and Spring
 * Boot's) exactly as an application without a web server gets them, with one
 * {@link AgentEventListener} and, when traced, an exporter that drops every span.
 *
 * @since 0.1.0
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class BenchmarkApplication {

	/** The tracing auto-configurations, left out of the untraced set-ups. */
	static final String TRACING_AUTO_CONFIGURATIONS = String.join(",",
			"org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration",
			"org.springframework.boot.micrometer.tracing.autoconfigure.NoopTracerAutoConfiguration",
			"org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration");

	@Bean
	LastEventListener lastEventListener() {
		return new LastEventListener();
	}

	@Bean
	SpanExporter droppingSpanExporter() {
		return new DroppingSpanExporter();
	}

	/**
	 * With {@code benchmarks.sinks=ledgers}, the starter's dispatcher replaced by one that hands
	 * each finished operation to the runs' ledgers only: the observation with its cost and
	 * budget accounting, without the other sinks.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "benchmarks.sinks", havingValue = "ledgers")
	static class LedgersOnly {

		@Bean
		AgentOperationDispatcher ledgersOnlyDispatcher(ObjectProvider<RunLedgers> ledgers) {
			return new AgentOperationDispatcher(() -> List.of(ledgers.getObject()));
		}

	}

	/**
	 * Start the application.
	 * @param setup which observation handling to set up
	 * @return the running application
	 */
	public static ConfigurableApplicationContext start(Setup setup) {
		SpringApplication application = new SpringApplication(BenchmarkApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setBannerMode(Banner.Mode.OFF);
		application.setLogStartupInfo(false);
		List<String> args = new ArrayList<>();
		// Log events go through Logback to an appender that writes nowhere: see logback-benchmarks.xml
		args.add("--logging.config=classpath:logback-benchmarks.xml");
		args.add("--monitoring.enabled=" + setup.starter);
		if (setup.ledgersOnly) {
			args.add("--benchmarks.sinks=ledgers");
		}
		// No price configured: gpt-4o's comes from the bundled catalogue, as for most applications
		if (setup.traced) {
			// Every span recorded and handed to the exporter: the most tracing can cost
			args.add("--management.tracing.sampling.probability=1.0");
		}
		else {
			args.add("--spring.autoconfigure.exclude=" + TRACING_AUTO_CONFIGURATIONS);
		}
		return application.run(args.toArray(new String[0]));
	}

	/**
	 * The observation handling of one benchmark.
	 */
	public enum Setup {

		/** Spring Boot alone: the starter switched off, no tracing. */
		BOOT(false, false, false),

		/** The starter with every sink it installs by default, no tracing. */
		STARTER(true, false, false),

		/**
		 * The starter with the runs' ledgers as the only sink ({@link LedgersOnly}), no
		 * tracing.
		 */
		STARTER_LEDGERS_ONLY(true, false, true),

		/** Spring Boot alone, traced with the OpenTelemetry SDK. */
		BOOT_TRACED(false, true, false),

		/** The starter, traced with the OpenTelemetry SDK. */
		STARTER_TRACED(true, true, false);

		private final boolean starter;

		private final boolean traced;

		private final boolean ledgersOnly;

		Setup(boolean starter, boolean traced, boolean ledgersOnly) {
			this.starter = starter;
			this.traced = traced;
			this.ledgersOnly = ledgersOnly;
		}

	}

	/**
	 * The one event listener: keeps the last event, as a listener that hands events on would
	 * reference each one.
	 */
	public static final class LastEventListener implements AgentEventListener {

		private volatile @Nullable AgentEvent last;

		@Override
		public void onEvent(AgentEvent event) {
			this.last = event;
		}

		/**
		 * The last event received.
		 * @return the event, or {@code null} before the first
		 */
		public @Nullable AgentEvent last() {
			return this.last;
		}

	}

	/**
	 * Takes every span and sends it nowhere: the benchmarks measure making spans, not a
	 * network.
	 */
	static final class DroppingSpanExporter implements SpanExporter {

		@Override
		public CompletableResultCode export(Collection<SpanData> spans) {
			return CompletableResultCode.ofSuccess();
		}

		@Override
		public CompletableResultCode flush() {
			return CompletableResultCode.ofSuccess();
		}

		@Override
		public CompletableResultCode shutdown() {
			return CompletableResultCode.ofSuccess();
		}

	}

}
