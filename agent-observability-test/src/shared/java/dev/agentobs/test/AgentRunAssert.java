package dev.agentobs.test;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.assertj.core.api.AbstractObjectAssert;

import org.springframework.util.Assert;

import dev.agentobs.cost.ModelPrice;
import dev.agentobs.operation.AgentOperation;
import dev.agentobs.operation.ModelCall;
import dev.agentobs.operation.ToolCall;

import static dev.agentobs.test.OperationDescriptions.quote;

/**
 * Assertions on one agent run and its operations: those that carry the run's id. Every
 * failure names what was expected, what the run recorded, and lists the run's operations.
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
public class AgentRunAssert extends AbstractObjectAssert<AgentRunAssert, AgentOperation> {

	private final List<AgentOperation> operations;

	private final ModelPrices prices;

	AgentRunAssert(AgentOperation run, List<AgentOperation> operations, ModelPrices prices) {
		super(run, AgentRunAssert.class);
		this.operations = operations;
		this.prices = prices;
	}

	/**
	 * Verify that the run took exactly this many steps.
	 * @param expected the number of steps
	 * @return this
	 */
	public AgentRunAssert withSteps(int expected) {
		int steps = count(AgentOperation.Kind.AGENT_STEP);
		if (steps != expected) {
			throw failedExpectation("to take " + plural(expected, "step"), "it took " + steps);
		}
		return this;
	}

	/**
	 * Verify that the run called a tool at least once.
	 * @param toolName the tool's name
	 * @return this
	 */
	public AgentRunAssert withToolCall(String toolName) {
		if (countTool(toolName) == 0) {
			throw failedExpectation("to call tool " + quote(toolName),
					"it called " + names(AgentOperation.Kind.TOOL_CALL, "no tool"));
		}
		return this;
	}

	/**
	 * Verify that the run called a tool exactly this many times.
	 * @param toolName the tool's name
	 * @param times the number of calls
	 * @return this
	 */
	public AgentRunAssert withToolCall(String toolName, int times) {
		int calls = countTool(toolName);
		if (calls != times) {
			throw failedExpectation("to call tool " + quote(toolName) + " " + plural(times, "time"),
					"it called it " + plural(calls, "time"));
		}
		return this;
	}

	/**
	 * Verify that the run called a model at least once.
	 * @param model the model asked for, such as {@code gpt-4o}
	 * @return this
	 */
	public AgentRunAssert withModelCall(String model) {
		for (AgentOperation operation : this.operations) {
			if (operation instanceof ModelCall call && model.equals(call.requestModel())) {
				return this;
			}
		}
		throw failedExpectation("to call model " + quote(model),
				"it called " + names(AgentOperation.Kind.MODEL_CALL, "no model"));
	}

	/**
	 * Verify that the run's model calls used at least this many tokens, input and output.
	 * @param tokens the fewest tokens
	 * @return this
	 */
	public AgentRunAssert withTotalTokensAtLeast(long tokens) {
		long total = inputTokens() + outputTokens();
		if (total < tokens) {
			throw failedExpectation("to use at least " + tokens + " tokens", "it used " + describeTokens());
		}
		return this;
	}

	/**
	 * Verify that the run's model calls used at most this many tokens, input and output.
	 * @param tokens the most tokens
	 * @return this
	 */
	public AgentRunAssert withTotalTokensAtMost(long tokens) {
		long total = inputTokens() + outputTokens();
		if (total > tokens) {
			throw failedExpectation("to use at most " + tokens + " tokens", "it used " + describeTokens());
		}
		return this;
	}

	/**
	 * Verify that the run's model calls cost at most this much at the application's prices:
	 * those of {@code monitoring.cost.models}, then of the price catalogue.
	 * @param usd the most it may cost, in USD
	 * @return this
	 */
	public AgentRunAssert withCostAtMost(double usd) {
		return withCostAtMost(usd, this.prices);
	}

	/**
	 * Verify that the run's model calls cost at most this much at the given prices.
	 * @param usd the most it may cost, in USD
	 * @param prices the prices of the models the run called
	 * @return this
	 */
	public AgentRunAssert withCostAtMost(double usd, ModelPrices prices) {
		Assert.notNull(prices, "prices must not be null");
		String expected = "to cost at most " + usd(usd) + " USD";
		// Summed in millionths of a USD and divided once: rounding each call's share would push
		// a cost equal to the limit past it
		double microUsd = 0;
		Set<String> unpriced = new LinkedHashSet<>();
		for (AgentOperation operation : this.operations) {
			if (operation instanceof ModelCall call && (call.tokens().input() > 0 || call.tokens().output() > 0)) {
				ModelPrice price = prices.priceOf(call);
				if (price != null) {
					microUsd += price.costInMicroUsd(call.tokens());
				}
				else {
					unpriced.add(call.requestModel());
				}
			}
		}
		if (!unpriced.isEmpty()) {
			String model = unpriced.iterator().next();
			throw failedExpectation(expected,
					"no price is known for " + quoteAll(unpriced) + "; set " + ModelPrices.PROPERTY_PREFIX + "." + model
							+ ".input and .output (USD per million tokens) or pass ModelPrices.of(\"" + model
							+ "\", input, output)");
		}
		double cost = microUsd / 1_000_000d;
		if (cost > usd) {
			throw failedExpectation(expected,
					"it cost " + usd(cost) + " USD for " + describeTokens() + " at " + prices);
		}
		return this;
	}

	/**
	 * Verify that the run belongs to a conversation.
	 * @param conversationId the conversation's id
	 * @return this
	 */
	public AgentRunAssert withConversationId(String conversationId) {
		String actual = this.actual.scope().conversationId();
		if (!conversationId.equals(actual)) {
			throw failedExpectation("to belong to conversation " + quote(conversationId),
					(actual != null) ? "it belongs to " + quote(actual) : "it belongs to no conversation");
		}
		return this;
	}

	/**
	 * Verify that neither the run nor any of its operations failed.
	 * @return this
	 */
	public AgentRunAssert hasNoErrors() {
		List<AgentOperation> failed = new ArrayList<>();
		for (AgentOperation operation : this.operations) {
			if (operation.failed()) {
				failed.add(operation);
			}
		}
		if (!failed.isEmpty()) {
			throw failedExpectation("to have no errors",
					plural(failed.size(), "operation") + " failed:" + System.lineSeparator()
							+ OperationDescriptions.list(failed));
		}
		return this;
	}

	private int count(AgentOperation.Kind kind) {
		int count = 0;
		for (AgentOperation operation : this.operations) {
			if (operation.kind() == kind) {
				count++;
			}
		}
		return count;
	}

	private int countTool(String toolName) {
		int count = 0;
		for (AgentOperation operation : this.operations) {
			if (operation instanceof ToolCall call && toolName.equals(call.toolName())) {
				count++;
			}
		}
		return count;
	}

	private String names(AgentOperation.Kind kind, String none) {
		Set<String> names = new LinkedHashSet<>();
		for (AgentOperation operation : this.operations) {
			if (operation.kind() == kind) {
				names.add(operation.name());
			}
		}
		return names.isEmpty() ? none : "only " + quoteAll(names);
	}

	private long inputTokens() {
		long tokens = 0;
		for (AgentOperation operation : this.operations) {
			if (operation instanceof ModelCall call) {
				tokens += call.tokens().input();
			}
		}
		return tokens;
	}

	private long outputTokens() {
		long tokens = 0;
		for (AgentOperation operation : this.operations) {
			if (operation instanceof ModelCall call) {
				tokens += call.tokens().output();
			}
		}
		return tokens;
	}

	private String describeTokens() {
		long input = inputTokens();
		long output = outputTokens();
		return (input + output) + " tokens (" + input + " input + " + output + " output) in "
				+ plural(count(AgentOperation.Kind.MODEL_CALL), "model call");
	}

	private AssertionError failedExpectation(String expected, String recorded) {
		String runId = Objects.requireNonNullElse(this.actual.runId(), "without id");
		String n = System.lineSeparator();
		return failure("%s", "Expected agent run " + quote(this.actual.name()) + " " + expected + "," + n + "but "
				+ recorded + "." + n + "Operations of run " + runId + ", in the order they finished:" + n
				+ OperationDescriptions.list(this.operations));
	}

	private static String quoteAll(Set<String> names) {
		StringBuilder quoted = new StringBuilder();
		for (String name : names) {
			if (!quoted.isEmpty()) {
				quoted.append(", ");
			}
			quoted.append(quote(name));
		}
		return quoted.toString();
	}

	static String plural(long count, String noun) {
		return count + " " + noun + ((count != 1) ? "s" : "");
	}

	private static String usd(double usd) {
		// Six significant digits: sums of prices are not exact in binary
		return new BigDecimal(usd, new MathContext(6)).stripTrailingZeros().toPlainString();
	}

}
