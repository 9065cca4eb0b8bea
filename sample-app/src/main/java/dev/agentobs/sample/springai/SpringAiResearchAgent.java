package dev.agentobs.sample.springai;

import java.time.Duration;
import java.util.function.Consumer;

import com.openai.errors.OpenAIIoException;
import com.openai.errors.OpenAIRetryableException;
import com.openai.errors.OpenAIServiceException;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import dev.agentobs.internal.bridge.springai.SpringAiChatClientHandler;
import dev.agentobs.sample.SampleProfiles;
import dev.agentobs.sample.agent.ResearchAgent;
import dev.agentobs.sample.agent.ResearchFailedException;
import dev.agentobs.sample.agent.ResearchResult;

/**
 * The research agent on Spring AI: one {@code ChatClient} call with the web search, the
 * calculator and the fact checker as tools, Spring AI running the loop of model and tool
 * calls. The sample writes no observation code here: the starter's Spring AI bridge makes the
 * call a run of {@value ResearchAgent#NAME} (the advisor parameter
 * {@value SpringAiChatClientHandler#AGENT_NAME_PARAM} names it), with its model calls, tokens,
 * cost and tool calls inside, and the fact checker's run as a sub-agent. The run id is the
 * bridge's own and is not known here, so answers carry none.
 *
 * @since 0.1.0
 */
@Component
@Profile(SampleProfiles.SPRING_AI)
public class SpringAiResearchAgent implements ResearchAgent {

	private static final String SYSTEM_PROMPT = "You are a research assistant. Use web_search to find sources, "
			+ "calculator for arithmetic and fact_check to verify your main claim. Answer in a few sentences and "
			+ "name your sources.";

	private static final Duration STREAM_TIMEOUT = Duration.ofMinutes(2);

	private final ChatClient chatClient;

	private final Object[] tools;

	private final Tracer tracer;

	public SpringAiResearchAgent(ChatClient.Builder chatClientBuilder, SpringAiWebSearchTool webSearch,
			SpringAiCalculatorTool calculator, SpringAiFactCheckerAgent factChecker, Tracer tracer) {
		this.chatClient = chatClientBuilder.build();
		this.tools = new Object[] { webSearch, calculator, factChecker };
		this.tracer = tracer;
	}

	@Override
	public ResearchResult research(String question, @Nullable String conversationId) {
		String traceId = currentTraceId();
		try {
			String answer = prompt(question, conversationId).call().content();
			if (answer == null) {
				throw new IllegalStateException("The model gave no answer");
			}
			return new ResearchResult(answer, null, traceId);
		}
		catch (RuntimeException ex) {
			throw new ResearchFailedException(null, traceId, ex, isProviderFailure(ex));
		}
	}

	/**
	 * Stream the answer of one {@code ChatClient} call; the starter's bridge times its chunks.
	 */
	@Override
	public ResearchResult stream(String question, Consumer<String> answerChunks) {
		String traceId = currentTraceId();
		StringBuilder answer = new StringBuilder();
		try {
			prompt(question, null).stream()
				.content()
				.doOnNext((chunk) -> {
					answer.append(chunk);
					answerChunks.accept(chunk);
				})
				.blockLast(STREAM_TIMEOUT);
		}
		catch (RuntimeException ex) {
			throw new ResearchFailedException(null, traceId, ex, isProviderFailure(ex));
		}
		return new ResearchResult(answer.toString(), null, traceId);
	}

	private ChatClient.ChatClientRequestSpec prompt(String question, @Nullable String conversationId) {
		return this.chatClient.prompt()
			.system(SYSTEM_PROMPT)
			.user(question)
			.tools(this.tools)
			.advisors((advisors) -> {
				advisors.param(SpringAiChatClientHandler.AGENT_NAME_PARAM, NAME);
				if (conversationId != null) {
					advisors.param(ChatMemory.CONVERSATION_ID, conversationId);
				}
			});
	}

	/**
	 * Whether OpenAI's client failed for the provider's reasons: a rate limit, a server error
	 * or timeout, the network; not a bad request or a bad key.
	 */
	private static boolean isProviderFailure(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof OpenAIServiceException service) {
				return service.statusCode() == 429 || service.statusCode() >= 500;
			}
			if (cause instanceof OpenAIIoException || cause instanceof OpenAIRetryableException) {
				return true;
			}
		}
		return false;
	}

	private @Nullable String currentTraceId() {
		// The HTTP request's trace, which the ChatClient call joins; background runs have none
		Span span = this.tracer.currentSpan();
		return (span != null) ? span.context().traceId() : null;
	}

}
