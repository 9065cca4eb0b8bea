package dev.agentobs.test.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small agent service, tested the way users test theirs.
 */
@SpringBootApplication
public class ResearchAgentApplication {

	public static void main(String[] args) {
		SpringApplication.run(ResearchAgentApplication.class, args);
	}

}
