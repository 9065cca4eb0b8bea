package dev.agentobs.autoconfigure;

/**
 * Stops an application on Spring Boot 3 that has this Spring Boot 4 wiring, naming the Spring
 * Boot 3.5 starter.
 */
final class SpringBoot4GenerationCheck extends SpringBootGenerationCheck {

	SpringBoot4GenerationCheck() {
		super(Generation.BOOT_4);
	}

}
