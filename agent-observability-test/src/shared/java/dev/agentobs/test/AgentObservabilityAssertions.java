package dev.agentobs.test;

/**
 * Entry point of the AssertJ assertions on what an agent service recorded. Import it
 * statically beside AssertJ's own {@code Assertions.assertThat}:
 *
 * <pre class="code">
 * assertThat(recorded).hasAgentRun("research-agent")
 *     .withSteps(3)
 *     .withToolCall("web_search")
 *     .withModelCall("gpt-4o")
 *     .withTotalTokensAtLeast(100)
 *     .withCostAtMost(0.01)
 *     .hasNoErrors();
 * </pre>
 *
 * @since 0.1.0
 */
public final class AgentObservabilityAssertions {

	private AgentObservabilityAssertions() {
	}

	/**
	 * Assertions on the agent operations a test recorded.
	 * @param recorded the recorded operations
	 * @return the assertions
	 */
	public static RecordedAgentOperationsAssert assertThat(RecordedAgentOperations recorded) {
		return new RecordedAgentOperationsAssert(recorded);
	}

	/**
	 * Assertions on the spans a test recorded.
	 * @param spans the recorded spans
	 * @return the assertions
	 */
	public static RecordedSpansAssert assertThat(RecordedSpans spans) {
		return new RecordedSpansAssert(spans);
	}

}
