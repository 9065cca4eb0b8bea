package dev.agentobs.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import dev.agentobs.autoconfigure.SpringBootGenerationCheck.Generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link SpringBootGenerationCheck}: the wiring of one Spring Boot generation on the
 * other stops start-up with the artifact to use instead, and starts on its own.
 */
class SpringBootGenerationCheckTests {

	@Test
	void springBoot4WiringOnSpringBoot3NamesTheSpringBoot3Starter() {
		assertThat(SpringBootGenerationCheck.mismatch(Generation.BOOT_4, Generation.BOOT_3, "3.5.7", "0.1.0-SNAPSHOT"))
			.isEqualTo("agent-observability-starter is built for Spring Boot 4; this application runs Spring Boot "
					+ "3.5.7: use dev.agentobs:agent-observability-boot3-starter:0.1.0-SNAPSHOT instead");
	}

	@Test
	void springBoot3WiringOnSpringBoot4NamesTheSpringBoot4Starter() {
		assertThat(SpringBootGenerationCheck.mismatch(Generation.BOOT_3, Generation.BOOT_4, "4.1.0", "0.1.0-SNAPSHOT"))
			.isEqualTo("agent-observability-boot3-starter is built for Spring Boot 3.5; this application runs "
					+ "Spring Boot 4.1.0: use dev.agentobs:agent-observability-starter:0.1.0-SNAPSHOT instead");
	}

	@Test
	void unknownVersionsStillNameTheGenerationAndTheArtifact() {
		assertThat(SpringBootGenerationCheck.mismatch(Generation.BOOT_4, Generation.BOOT_3, null, null))
			.isEqualTo("agent-observability-starter is built for Spring Boot 4; this application runs Spring Boot "
					+ "3.5: use dev.agentobs:agent-observability-boot3-starter instead");
	}

	@Test
	void sameGenerationIsNoMismatch() {
		assertThat(SpringBootGenerationCheck.mismatch(Generation.BOOT_3, Generation.BOOT_3, "3.5.7", null)).isNull();
		assertThat(SpringBootGenerationCheck.mismatch(Generation.BOOT_4, Generation.BOOT_4, "4.1.0", null)).isNull();
	}

	@Test
	void generationIsTheOneOfTheSpringBootJar() {
		Generation expected = SpringBootVersion.getVersion().startsWith("3.") ? Generation.BOOT_3 : Generation.BOOT_4;
		assertThat(Generation.of(getClass().getClassLoader())).isEqualTo(expected);
	}

	@Test
	void applicationWithTheWiringOfItsOwnGenerationStarts() {
		// The module's own check comes from its META-INF/spring.factories
		try (ConfigurableApplicationContext context = application().run()) {
			assertThat(context.isActive()).isTrue();
		}
	}

	@Test
	void applicationWithTheWiringOfTheOtherGenerationStopsBeforeAnyBeanIsDefined() {
		Generation running = Generation.of(getClass().getClassLoader());
		Generation other = (running == Generation.BOOT_4) ? Generation.BOOT_3 : Generation.BOOT_4;
		SpringApplication application = application();
		application.addListeners(new SpringBootGenerationCheck(other) {
		});
		String starter = (running == Generation.BOOT_4) ? "agent-observability-starter"
				: "agent-observability-boot3-starter";
		assertThatIllegalStateException().isThrownBy(application::run)
			.withMessageContaining("this application runs Spring Boot " + SpringBootVersion.getVersion())
			.withMessageContaining("use dev.agentobs:" + starter);
	}

	private static SpringApplication application() {
		SpringApplication application = new SpringApplication(EmptyApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		return application;
	}

	@Configuration(proxyBeanMethods = false)
	static class EmptyApplication {

	}

}
