package dev.agentobs.test.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The application the Spring Boot 3.5 slice test finds, as a user's tests find theirs.
 */
@SpringBootApplication
public class ResearchAgentApplication {

}
