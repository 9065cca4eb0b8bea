package dev.agentobs.sample;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class SamplePropertiesTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class,
				ValidationAutoConfiguration.class))
		.withUserConfiguration(PropertiesConfiguration.class);

	@Test
	void defaultsAreTheDocumentedOnes() {
		this.contextRunner.run((context) -> {
			SampleProperties properties = context.getBean(SampleProperties.class);
			assertThat(properties.getLlm().getLatency()).hasMillis(200);
			assertThat(properties.getLlm().getFailureRate()).isEqualTo(0.02);
			assertThat(properties.getTraffic().getRate()).isEqualTo(1);
		});
	}

	@Test
	void failureRateAboveOneStopsStartupNamingTheKey() {
		this.contextRunner.withPropertyValues("sample.llm.failure-rate=1.5")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining(
						"sample.llm.failure-rate must be between 0 and 1 (0.02 fails one call in fifty), was 1.5"));
	}

	@Test
	void negativeLatencyStopsStartupNamingTheKey() {
		this.contextRunner.withPropertyValues("sample.llm.latency=-5ms")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("sample.llm.latency must be 0ms or more"));
	}

	@Test
	void negativeTrafficRateStopsStartupNamingTheKey() {
		this.contextRunner.withPropertyValues("sample.traffic.rate=-1")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("sample.traffic.rate must be between 0 (off) and 20 runs per second, was -1.0"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(SampleProperties.class)
	static class PropertiesConfiguration {

	}

}
