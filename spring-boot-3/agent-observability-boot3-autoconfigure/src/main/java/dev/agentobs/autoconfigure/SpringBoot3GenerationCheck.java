package dev.agentobs.autoconfigure;

/**
 * Stops an application on Spring Boot 4 that has this Spring Boot 3.5 wiring, naming the
 * Spring Boot 4 starter.
 */
final class SpringBoot3GenerationCheck extends SpringBootGenerationCheck {

	SpringBoot3GenerationCheck() {
		super(Generation.BOOT_3);
	}

}
