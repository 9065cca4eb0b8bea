package dev.agentobs.sample;

/**
 * The profiles the sample knows.
 *
 * @since 0.1.0
 */
public final class SampleProfiles {

	/**
	 * The research agent runs on Spring AI's {@code ChatClient} and OpenAI client, against a
	 * simulated OpenAI server the sample starts on loopback.
	 */
	public static final String SPRING_AI = "spring-ai";

	private SampleProfiles() {
	}

}
