package dev.agentobs.autoconfigure;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

import dev.agentobs.internal.tracing.AgentContentObservationFilter;

/**
 * Spans of agent operations, under {@code monitoring.tracing.*}.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("monitoring.tracing")
public class AgentTracingProperties implements Validator {

	/**
	 * Whether spans leave the process. When false, Spring Boot's span export is off and its
	 * sampling probability 0, unless the application sets them. Not set: Spring Boot's
	 * tracing settings apply.
	 */
	private @Nullable Boolean enabled;

	/**
	 * The service name on spans (the OpenTelemetry resource attribute service.name), on
	 * metrics (the common tag application) and, when spring.application.name is not set,
	 * everywhere the application's name is used. The application's own settings win.
	 */
	private @Nullable String serviceName;

	/**
	 * Jaeger's collector, such as http://localhost:14268/api/traces: spans are exported to
	 * its OTLP receiver on the same host, port 4318 for 14268, path /v1/traces (Jaeger's
	 * /api/traces takes Thrift, not OTLP). The OTLP endpoint property of Spring Boot wins.
	 */
	private @Nullable URI jaegerEndpoint;

	/**
	 * Whether prompts, completions, tool arguments and results, and executed code are put on
	 * spans. Off by default: they may hold personal data and secrets.
	 */
	private boolean captureContent = false;

	/**
	 * The most characters of each captured content attribute; longer content is cut to this
	 * length, ending with "..." when it leaves room for more, never splitting a character.
	 */
	private int maxContentLength = 4000;

	public @Nullable Boolean getEnabled() {
		return this.enabled;
	}

	public void setEnabled(@Nullable Boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable String getServiceName() {
		return this.serviceName;
	}

	public void setServiceName(@Nullable String serviceName) {
		this.serviceName = serviceName;
	}

	public @Nullable URI getJaegerEndpoint() {
		return this.jaegerEndpoint;
	}

	public void setJaegerEndpoint(@Nullable URI jaegerEndpoint) {
		this.jaegerEndpoint = jaegerEndpoint;
	}

	public boolean isCaptureContent() {
		return this.captureContent;
	}

	public void setCaptureContent(boolean captureContent) {
		this.captureContent = captureContent;
	}

	public int getMaxContentLength() {
		return this.maxContentLength;
	}

	public void setMaxContentLength(int maxContentLength) {
		this.maxContentLength = maxContentLength;
	}

	@Override
	public boolean supports(Class<?> type) {
		return AgentTracingProperties.class == type;
	}

	@Override
	public void validate(Object target, Errors errors) {
		if (target instanceof AgentTracingProperties properties) {
			PropertyErrors.check(errors, "max-content-length",
					() -> AgentContentObservationFilter.checkMaxLength("max-content-length", properties.maxContentLength));
			URI jaeger = properties.jaegerEndpoint;
			if (jaeger != null) {
				PropertyErrors.check(errors,
						("http".equals(jaeger.getScheme()) || "https".equals(jaeger.getScheme())) && jaeger.getHost() != null,
						"jaeger-endpoint", jaeger, "an http or https URL such as http://localhost:14268/api/traces");
			}
		}
	}

}
