package dev.agentobs.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * A research-assistant agent service: {@code POST /api/research} runs an agent that plans with
 * a (simulated) LLM, searches the web, calculates, runs code and asks a fact-checking
 * sub-agent, all of it observed by the agent-observability starter.
 *
 * @since 0.1.0
 */
@SpringBootApplication
@EnableConfigurationProperties(SampleProperties.class)
public class SampleApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}
