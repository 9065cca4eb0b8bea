package dev.agentobs.sample.web;

import jakarta.validation.Valid;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.agentobs.sample.agent.ResearchAgent;

/**
 * The research API: {@code POST /api/research} with {@code {"question": "..."}}.
 *
 * @since 0.1.0
 */
@RestController
@RequestMapping("/api")
public class ResearchController {

	private final ResearchAgent agent;

	public ResearchController(ResearchAgent agent) {
		this.agent = agent;
	}

	@PostMapping("/research")
	ResearchResponse research(@Valid @RequestBody ResearchRequest request) {
		// @Valid has checked that the question is there
		return ResearchResponse.of(this.agent.research(request.question().strip(), request.conversationId()));
	}

}
