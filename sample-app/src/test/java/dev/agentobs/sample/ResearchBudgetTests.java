package dev.agentobs.sample;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

import dev.agentobs.cost.AgentBudgetExceededException;
import dev.agentobs.operation.AgentOperation;
import dev.agentobs.sample.agent.ResearchAgent;
import dev.agentobs.test.RecordedAgentOperations;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A research run stopped by the budget the application configured: the client is told so, with
 * the limit and the key to raise, and the run is recorded as stopped.
 */
@SampleAppTest
@TestPropertySource(properties = "monitoring.budgets.agents.research-agent.max-model-calls=1")
class ResearchBudgetTests {

	@LocalServerPort
	private int port;

	@Autowired
	private RecordedAgentOperations recorded;

	@Test
	void runStoppedByItsBudgetAnswersTooManyRequestsNamingTheKey() {
		ResponseEntity<Map<String, Object>> response = new ResearchClient(this.port).ask(ResearchApiTests.QUESTION);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat((String) response.getBody().get("detail")).startsWith("The research run was stopped by its budget: ")
			.contains("max-model-calls is 1 model call")
			.contains("monitoring.budgets.agents.research-agent.max-model-calls");
		assertThat((String) response.getBody().get("runId")).matches("[0-9a-f-]{36}");
		assertThat(this.recorded.operations(AgentOperation.Kind.AGENT_RUN))
			.filteredOn((run) -> run.agentName().equals(ResearchAgent.NAME))
			.singleElement()
			.satisfies((run) -> assertThat(run.errorType()).isEqualTo(AgentBudgetExceededException.ERROR_TYPE));
	}

}
