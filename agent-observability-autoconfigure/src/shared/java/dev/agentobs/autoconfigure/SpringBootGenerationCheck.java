package dev.agentobs.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.util.ClassUtils;

/**
 * Stops start-up when this wiring runs on the other Spring Boot generation than the one it
 * is built for, naming the artifact to use instead. Without it such an application fails
 * later with bean-overriding or missing-bean errors that say nothing about the pairing.
 * It runs when the environment is prepared, first among the listeners: before any bean
 * definition is read. Each autoconfigure module registers its own subclass.
 */
abstract class SpringBootGenerationCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

	/** A class that only Spring Boot 4's {@code spring-boot} jar has. */
	static final String BOOT_4_ONLY_CLASS = "org.springframework.boot.EnvironmentPostProcessor";

	private static final String GROUP_ID = "dev.agentobs";

	private final Generation builtFor;

	/**
	 * Create the check of a module.
	 * @param builtFor the Spring Boot generation the module is built for
	 */
	SpringBootGenerationCheck(Generation builtFor) {
		this.builtFor = builtFor;
	}

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		ClassLoader classLoader = event.getSpringApplication().getClassLoader();
		String message = mismatch(this.builtFor, Generation.of(classLoader), SpringBootVersion.getVersion(),
				getClass().getPackage().getImplementationVersion());
		if (message != null) {
			throw new IllegalStateException(message);
		}
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	/**
	 * What is wrong with a pairing, if anything.
	 * @param builtFor the generation the wiring is built for
	 * @param running the generation the application runs
	 * @param runningVersion the Spring Boot version the application runs, when known
	 * @param version the version of this project's artifacts, when known
	 * @return the message naming the artifact to use instead, or {@code null} when the
	 * generations agree
	 */
	static @Nullable String mismatch(Generation builtFor, Generation running, @Nullable String runningVersion,
			@Nullable String version) {
		if (builtFor == running) {
			return null;
		}
		String runs = (runningVersion != null) ? "Spring Boot " + runningVersion : running.displayName;
		String coordinates = GROUP_ID + ":" + running.starter + ((version != null) ? ":" + version : "");
		return builtFor.starter + " is built for " + builtFor.displayName + "; this application runs " + runs
				+ ": use " + coordinates + " instead";
	}

	/**
	 * The Spring Boot generations this project has wiring for.
	 */
	enum Generation {

		/** Spring Boot 3.5.x. */
		BOOT_3("Spring Boot 3.5", "agent-observability-boot3-starter"),

		/** Spring Boot 4.x. */
		BOOT_4("Spring Boot 4", "agent-observability-starter");

		private final String displayName;

		private final String starter;

		Generation(String displayName, String starter) {
			this.displayName = displayName;
			this.starter = starter;
		}

		/**
		 * The generation of the {@code spring-boot} jar a class loader sees.
		 * @param classLoader the application's class loader
		 * @return the generation
		 */
		static Generation of(@Nullable ClassLoader classLoader) {
			return ClassUtils.isPresent(BOOT_4_ONLY_CLASS, classLoader) ? BOOT_4 : BOOT_3;
		}

	}

}
