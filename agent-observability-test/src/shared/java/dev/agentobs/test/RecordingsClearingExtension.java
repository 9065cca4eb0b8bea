package dev.agentobs.test;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;
import org.springframework.util.ClassUtils;

/**
 * Clears {@link RecordedAgentOperations} and {@link RecordedSpans} before each test method,
 * and before its {@code @BeforeEach} methods: the test context, and the recorders with it, is
 * shared by every test that has the same configuration, and each test must see only what it
 * ran itself.
 */
final class RecordingsClearingExtension implements BeforeEachCallback {

	private static final boolean SPANS_PRESENT = ClassUtils.isPresent("io.opentelemetry.sdk.trace.data.SpanData",
			RecordingsClearingExtension.class.getClassLoader());

	@Override
	public void beforeEach(ExtensionContext context) {
		ApplicationContext applicationContext = SpringExtension.getApplicationContext(context);
		applicationContext.getBeanProvider(RecordedAgentOperations.class)
			.orderedStream()
			.forEach(RecordedAgentOperations::clear);
		if (SPANS_PRESENT) {
			Spans.clear(applicationContext);
		}
	}

	/**
	 * Kept apart so that {@link RecordedSpans} loads only when OpenTelemetry is there.
	 */
	private static final class Spans {

		static void clear(ApplicationContext applicationContext) {
			applicationContext.getBeanProvider(RecordedSpans.class).orderedStream().forEach(RecordedSpans::clear);
		}

	}

}
