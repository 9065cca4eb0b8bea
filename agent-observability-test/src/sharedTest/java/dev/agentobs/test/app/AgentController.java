package dev.agentobs.test.app;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Asks the research agent over HTTP.
 */
@RestController
public class AgentController {

	private final ResearchAgent agent;

	public AgentController(ResearchAgent agent) {
		this.agent = agent;
	}

	@GetMapping("/ask")
	public ResearchAgent.Answer ask(@RequestParam String question) {
		return this.agent.answer(question);
	}

}
