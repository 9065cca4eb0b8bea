package dev.agentobs.test.app;

import org.springframework.stereotype.Component;

import dev.agentobs.api.ObservedAgent;

/**
 * An agent observed through its annotation rather than the facade.
 */
@Component
public class FactChecker {

	@ObservedAgent("fact-checker")
	public boolean check(String claim) {
		return !claim.isBlank();
	}

}
