package dev.agentobs.internal.bridge.langchain4j;

import java.util.List;
import java.util.Set;

import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.ObservationView;
import org.jspecify.annotations.Nullable;

import dev.agentobs.internal.budget.RunLedger;
import dev.agentobs.observation.AgentObservationContext;

/**
 * The chat model of an observed AI service, which checks the budget of the run it is called
 * in before each request: a run that has spent its budget gets
 * {@code AgentBudgetExceededException} from the call, and the model no request. LangChain4j
 * catches what its listeners throw, so the check cannot be made where the call is observed;
 * the exception thrown here reaches the service's caller as the model's own would. Everything
 * else is the model's own, its listeners included.
 */
final class BudgetCheckedChatModel implements ChatModel {

	private final ChatModel model;

	private final ObservationRegistry registry;

	private BudgetCheckedChatModel(ChatModel model, ObservationRegistry registry) {
		this.model = model;
		this.registry = registry;
	}

	static ChatModel of(ChatModel model, ObservationRegistry registry) {
		return (model instanceof BudgetCheckedChatModel) ? model : new BudgetCheckedChatModel(model, registry);
	}

	static boolean isChecked(@Nullable ChatModel model) {
		return model instanceof BudgetCheckedChatModel;
	}

	@Override
	public ChatResponse chat(ChatRequest request) {
		RunLedger ledger = ledger(CurrentOperation.parent(this.registry));
		if (ledger != null) {
			ledger.check();
		}
		return this.model.chat(request);
	}

	@Override
	public ChatResponse doChat(ChatRequest request) {
		return this.model.doChat(request);
	}

	@Override
	public ChatRequestParameters defaultRequestParameters() {
		return this.model.defaultRequestParameters();
	}

	@Override
	public List<ChatModelListener> listeners() {
		return this.model.listeners();
	}

	@Override
	public ModelProvider provider() {
		return this.model.provider();
	}

	@Override
	public Set<Capability> supportedCapabilities() {
		return this.model.supportedCapabilities();
	}

	@Override
	public String toString() {
		return this.model.toString();
	}

	// The ledger of the run of the nearest agent operation the call is made in
	private static @Nullable RunLedger ledger(@Nullable Observation observation) {
		ObservationView current = observation;
		while (current != null) {
			Observation.ContextView context = current.getContextView();
			if (context instanceof AgentObservationContext agentContext) {
				return agentContext.getLedger();
			}
			current = context.getParentObservation();
		}
		return null;
	}

}
