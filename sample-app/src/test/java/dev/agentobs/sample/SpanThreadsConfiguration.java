package dev.agentobs.sample;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Notes the thread each span started on, which no exported span tells: Spring Boot adds every
 * {@code SpanProcessor} bean to the tracer provider.
 */
@TestConfiguration(proxyBeanMethods = false)
public class SpanThreadsConfiguration {

	@Bean
	SpanThreads spanThreads() {
		return new SpanThreads();
	}

	/**
	 * Notes the thread each span started on, by span id.
	 */
	public static class SpanThreads implements SpanProcessor {

		private final Map<String, String> threads = new ConcurrentHashMap<>();

		/**
		 * The name of the thread a span started on.
		 * @param spanId the span's id
		 * @return the thread's name, or {@code null} for a span not seen
		 */
		public String threadOf(String spanId) {
			return this.threads.get(spanId);
		}

		@Override
		public void onStart(Context parentContext, ReadWriteSpan span) {
			this.threads.put(span.getSpanContext().getSpanId(), Thread.currentThread().getName());
		}

		@Override
		public boolean isStartRequired() {
			return true;
		}

		@Override
		public void onEnd(ReadableSpan span) {
		}

		@Override
		public boolean isEndRequired() {
			return false;
		}

	}

}
