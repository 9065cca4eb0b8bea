package dev.agentobs.autoconfigure;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;

/**
 * The failure analysis Spring Boot prints for a start-up failure: the first answer of the
 * analyzers registered in {@code META-INF/spring.factories}, in their order, as Spring Boot asks
 * them.
 */
final class FailureAnalyses {

	private FailureAnalyses() {
	}

	/**
	 * The failure analysis of a start-up failure, as printed under "APPLICATION FAILED TO START".
	 * @param failure the failure
	 * @return the description and the action, or an empty string when no analyzer explains it
	 */
	static String of(Throwable failure) {
		// Analyzers that need the bean factory or the environment are left out: none of them
		// explains a bad property
		for (FailureAnalyzer analyzer : SpringFactoriesLoader.forDefaultResourceLocation()
			.load(FailureAnalyzer.class, null, FailureHandler.handleMessage((message, ex) -> {
			}))) {
			FailureAnalysis analysis = analyzer.analyze(failure);
			if (analysis != null) {
				return "Description:\n\n" + analysis.getDescription() + "\n\nAction:\n\n" + analysis.getAction();
			}
		}
		return "";
	}

}
