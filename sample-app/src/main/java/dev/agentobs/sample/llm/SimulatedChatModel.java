package dev.agentobs.sample.llm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import dev.agentobs.sample.SampleProperties;
import dev.agentobs.sample.tool.ToolNames;

/**
 * Stands in for OpenAI's chat models, so that the sample needs no network and no key. Like a
 * real model it reads the conversation and decides whether to call tools, write code or
 * answer; it plays the part the tools it is offered call for: with {@code fact_check} it is
 * the research agent's planner, with {@code web_search} alone the fact checker, and with no
 * tool it condenses search results. Token counts follow OpenAI's rule of thumb of four
 * characters a token; it takes {@code sample.llm.latency} to answer and fails
 * {@code sample.llm.failure-rate} of the calls with a timeout or a rate limit.
 *
 * @since 0.1.0
 */
@Component
public class SimulatedChatModel {

	/** The provider, as the GenAI conventions name it. */
	public static final String PROVIDER = "openai";

	/** The model that plans and answers. */
	public static final String GPT_4O = "gpt-4o";

	/** The cheaper model for sub-tasks. */
	public static final String GPT_4O_MINI = "gpt-4o-mini";

	/** The name under which executed code reports its output in the conversation. */
	public static final String PYTHON = "python";

	/** How the result of a failed tool call or code execution starts in the conversation. */
	public static final String ERROR = "error: ";

	/** How the fact checker's answer starts when the claim holds. */
	public static final String SUPPORTED = "supported";

	/** How the fact checker's answer starts when the claim needs another source. */
	public static final String DISPUTED = "disputed";

	private static final long TOKENS_PER_MINUTE = 30_000;

	private static final int TOKENS_PER_MESSAGE = 4;

	private static final int TOKENS_PER_TOOL_DEFINITION = 60;

	private static final int TOKENS_PER_TOOL_CALL = 20;

	// A run of digits, operators and parentheses that starts and ends like an operand
	private static final Pattern EXPRESSION = Pattern.compile("[\\d(][\\d\\s.+\\-*/()]*[\\d)]");

	private static final Pattern OPERATOR_BETWEEN_OPERANDS = Pattern.compile("[\\d)]\\s*[-+*/]\\s*[-(\\s]*\\d");

	private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");

	private static final Pattern SEARCH_RESULT = Pattern.compile("^.* \\((https?://[^)]+)\\): (.*)$");

	private static final Pattern SOURCES = Pattern.compile("\\(sources: ([^)]*)\\)");

	private static final Set<String> STOP_WORDS = Set.of("a", "about", "an", "and", "are", "as", "at", "be", "by",
			"calculate", "compute", "did", "do", "does", "for", "from", "give", "has", "have", "how", "i", "in",
			"is", "it", "many", "me", "much", "of", "on", "or", "please", "tell", "than", "that", "the", "there",
			"this", "to", "was", "what", "whats", "when", "where", "which", "who", "why", "will", "with", "work",
			"out");

	/** The time between two chunks of a streamed reply, as a provider sends them. */
	public static final Duration CHUNK_GAP = Duration.ofMillis(15);

	private final SampleProperties.Llm properties;

	public SimulatedChatModel(SampleProperties properties) {
		this.properties = properties.getLlm();
	}

	/**
	 * Answer a request.
	 * @param request the request
	 * @return the reply
	 * @throws ModelTimeoutException or {@link RateLimitException} for
	 * {@code sample.llm.failure-rate} of the calls
	 * @throws IllegalArgumentException for a model other than {@code gpt-4o} and
	 * {@code gpt-4o-mini}
	 */
	public ChatReply chat(ChatRequest request) {
		String responseModel = switch (request.model()) {
			case GPT_4O -> "gpt-4o-2024-08-06";
			case GPT_4O_MINI -> "gpt-4o-mini-2024-07-18";
			default -> throw new IllegalArgumentException("The model '" + request.model() + "' does not exist");
		};
		long inputTokens = inputTokens(request);
		long start = System.nanoTime();
		pause(request.model());
		failSometimes(request.model(), inputTokens, start);
		Draft draft = draft(request);
		long outputTokens = tokens(draft.content()) + (long) TOKENS_PER_TOOL_CALL * draft.toolCalls().size()
				+ ((draft.code() != null) ? tokens(draft.code()) : 0);
		// As a provider's prompt cache would: a request that repeats an earlier one's messages reads
		// them from the cache; planning tool calls takes reasoning
		long reasoningTokens = (long) TOKENS_PER_TOOL_CALL / 2 * draft.toolCalls().size();
		return new ChatReply(responseModel, draft.content(), draft.toolCalls(), draft.code(), inputTokens,
				outputTokens, cachedTokens(request), reasoningTokens);
	}

	/**
	 * The tokens of every message but the last, when there are more than two: the prefix an
	 * earlier request of the same loop sent.
	 */
	private static long cachedTokens(ChatRequest request) {
		List<ChatMessage> messages = request.messages();
		if (messages.size() <= 2) {
			return 0;
		}
		long tokens = 3 + (long) TOKENS_PER_TOOL_DEFINITION * request.tools().size();
		for (ChatMessage message : messages.subList(0, messages.size() - 1)) {
			tokens += TOKENS_PER_MESSAGE + tokens(message.content());
		}
		return tokens;
	}

	private Draft draft(ChatRequest request) {
		if (request.tools().contains(ToolNames.FACT_CHECK)) {
			return research(request.messages());
		}
		if (request.tools().contains(ToolNames.WEB_SEARCH)) {
			return factCheck(request.messages());
		}
		return summary(request.messages());
	}

	private Draft research(List<ChatMessage> messages) {
		String question = question(messages);
		String expression = expressionIn(question);
		String topic = topic((expression != null) ? question.replace(expression, " ") : question);
		List<ChatMessage> searches = searchNotes(messages);
		ChatMessage calculation = lastResultOf(messages, ToolNames.CALCULATOR);
		ChatMessage factCheck = lastResultOf(messages, ToolNames.FACT_CHECK);
		if (searches.isEmpty() && calculation == null) {
			List<ToolCall> calls = new ArrayList<>();
			if (!topic.isEmpty()) {
				calls.add(ToolCall.of(ToolNames.WEB_SEARCH, topic));
				calls.add(ToolCall.of(ToolNames.WEB_SEARCH, topic + " latest figures"));
			}
			if (expression != null) {
				calls.add(ToolCall.of(ToolNames.CALCULATOR, expression));
			}
			if (calls.isEmpty()) {
				return Draft.answer("I can research a topic or work out arithmetic; please ask about one of them.");
			}
			return new Draft("I will " + (topic.isEmpty() ? "" : "search for " + topic)
					+ ((!topic.isEmpty() && expression != null) ? " and " : "")
					+ ((expression != null) ? "calculate " + expression : "") + ".", calls, null);
		}
		if (!searches.isEmpty() && factCheck == null) {
			List<ToolCall> calls = List.of(ToolCall.of(ToolNames.FACT_CHECK, firstSentence(searches.get(0).content())));
			List<String> figures = figures(searches.get(0).content());
			String code = (figures.size() >= 2)
					? "(" + figures.get(1) + " - " + figures.get(0) + ") / " + figures.get(0) + " * 100" : null;
			return new Draft("I will have the main claim checked"
					+ ((code != null) ? " and compute the change between the figures" : "") + ".", calls, code);
		}
		if (factCheck != null && factCheck.content().startsWith(DISPUTED) && searches.size() < 3) {
			return new Draft("The claim needs an independent source; searching again.",
					List.of(ToolCall.of(ToolNames.WEB_SEARCH, topic + " independent estimate")), null);
		}
		return Draft.answer(answer(expression, searches, calculation, lastResultOf(messages, PYTHON), factCheck));
	}

	private static String answer(@Nullable String expression, List<ChatMessage> searches,
			@Nullable ChatMessage calculation, @Nullable ChatMessage execution, @Nullable ChatMessage factCheck) {
		StringJoiner answer = new StringJoiner(" ");
		if (!searches.isEmpty()) {
			answer.add(firstSentence(searches.get(0).content()));
		}
		if (execution != null && !isError(execution)) {
			answer.add("That is a change of " + execution.content() + " percent.");
		}
		if (calculation != null) {
			String result = calculation.content();
			answer.add(isError(calculation)
					? "I could not evaluate " + expression + ": " + result.substring(ERROR.length()) + "."
					: expression + " = " + result + ".");
		}
		if (factCheck != null) {
			answer.add("Fact check: " + factCheck.content());
		}
		Set<String> sources = new LinkedHashSet<>();
		for (ChatMessage search : searches) {
			Matcher matcher = SOURCES.matcher(search.content());
			if (matcher.find()) {
				for (String source : matcher.group(1).split(",\\s*")) {
					sources.add(source);
				}
			}
		}
		if (!sources.isEmpty()) {
			answer.add("Sources: " + String.join(", ", sources) + ".");
		}
		return answer.toString();
	}

	private Draft factCheck(List<ChatMessage> messages) {
		String claim = question(messages);
		List<ChatMessage> evidence = searchNotes(messages);
		if (evidence.isEmpty()) {
			return new Draft("I will look for evidence.", List.of(ToolCall.of(ToolNames.WEB_SEARCH, topic(claim))),
					null);
		}
		// Figures that a single page gives need an independent estimate
		if (sourceCount(evidence.get(evidence.size() - 1)) < 2) {
			return Draft.answer(DISPUTED + ": only one source gives these figures; an independent estimate is needed.");
		}
		return Draft.answer(SUPPORTED + ": the figures match the sources found.");
	}

	private static int sourceCount(ChatMessage searchNotes) {
		Matcher matcher = SOURCES.matcher(searchNotes.content());
		return matcher.find() ? matcher.group(1).split(",\\s*").length : 0;
	}

	private Draft summary(List<ChatMessage> messages) {
		String condensed = condense(messages.get(messages.size() - 1).content());
		return Draft.answer((condensed != null) ? condensed : "The results hold nothing relevant.");
	}

	/**
	 * The two most relevant snippets of search results, one {@code title (url): snippet} a
	 * line, with their sources; {@code null} when the text holds no result.
	 */
	private static @Nullable String condense(String results) {
		List<String> snippets = new ArrayList<>();
		Set<String> sources = new LinkedHashSet<>();
		for (String line : results.split("\n")) {
			Matcher matcher = SEARCH_RESULT.matcher(line);
			if (matcher.matches() && snippets.size() < 2) {
				sources.add(matcher.group(1));
				if (!snippets.contains(matcher.group(2))) {
					snippets.add(matcher.group(2));
				}
			}
		}
		if (snippets.isEmpty()) {
			return null;
		}
		return String.join(" ", snippets) + " (sources: " + String.join(", ", sources) + ")";
	}

	/**
	 * The results of web searches, as condensed notes: a tool that returns the results as
	 * they are (as the Spring AI tool does) leaves the model to read them, which it does as
	 * it would condense them.
	 */
	private static List<ChatMessage> searchNotes(List<ChatMessage> messages) {
		List<ChatMessage> notes = new ArrayList<>();
		for (ChatMessage result : resultsOf(messages, ToolNames.WEB_SEARCH)) {
			String condensed = isError(result) ? null : condense(result.content());
			notes.add((condensed != null) ? ChatMessage.tool(ToolNames.WEB_SEARCH, condensed) : result);
		}
		return notes;
	}

	private static String question(List<ChatMessage> messages) {
		for (ChatMessage message : messages) {
			if (message.role() == ChatMessage.Role.USER) {
				return message.content();
			}
		}
		return "";
	}

	private static List<ChatMessage> resultsOf(List<ChatMessage> messages, String name) {
		List<ChatMessage> results = new ArrayList<>();
		for (ChatMessage message : messages) {
			if (message.isResultOf(name)) {
				results.add(message);
			}
		}
		return results;
	}

	private static @Nullable ChatMessage lastResultOf(List<ChatMessage> messages, String name) {
		List<ChatMessage> results = resultsOf(messages, name);
		return results.isEmpty() ? null : results.get(results.size() - 1);
	}

	private static boolean isError(ChatMessage result) {
		return result.content().startsWith(ERROR);
	}

	/**
	 * The arithmetic expression in a question, if it has one.
	 */
	static @Nullable String expressionIn(String question) {
		Matcher matcher = EXPRESSION.matcher(question);
		while (matcher.find()) {
			String candidate = matcher.group().trim();
			if (OPERATOR_BETWEEN_OPERANDS.matcher(candidate).find()) {
				return candidate;
			}
		}
		return null;
	}

	/**
	 * The words of a question worth searching for, at most six.
	 */
	static String topic(String question) {
		StringJoiner topic = new StringJoiner(" ");
		int words = 0;
		for (String word : question.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
			if (!word.isEmpty() && !STOP_WORDS.contains(word) && !NUMBER.matcher(word).matches() && words++ < 6) {
				topic.add(word);
			}
		}
		return topic.toString();
	}

	/**
	 * The figures of a text: its numbers, years left out.
	 */
	static List<String> figures(String text) {
		List<String> figures = new ArrayList<>();
		Matcher matcher = NUMBER.matcher(text);
		while (matcher.find()) {
			String number = matcher.group();
			boolean year = number.length() == 4 && number.indexOf('.') < 0 && (number.startsWith("19")
					|| number.startsWith("20"));
			if (!year) {
				figures.add(number);
			}
		}
		return figures;
	}

	private static String firstSentence(String text) {
		int end = text.indexOf(". ");
		int sources = text.indexOf(" (sources:");
		if (end < 0 || (sources >= 0 && sources < end)) {
			end = (sources >= 0) ? sources : text.length();
			return text.substring(0, end).strip();
		}
		return text.substring(0, end + 1);
	}

	private static long inputTokens(ChatRequest request) {
		long tokens = 3 + (long) TOKENS_PER_TOOL_DEFINITION * request.tools().size();
		for (ChatMessage message : request.messages()) {
			tokens += TOKENS_PER_MESSAGE + tokens(message.content());
		}
		return tokens;
	}

	private static long tokens(String text) {
		return Math.max(1, (text.length() + 3) / 4);
	}

	/**
	 * The chunks a provider streams a text in: a word each, with the space before it.
	 * @param text the text
	 * @return its chunks, which make the text again
	 */
	public static List<String> chunks(String text) {
		return text.isEmpty() ? List.of() : List.of(text.split("(?= )"));
	}

	/**
	 * Wait as a provider does between two chunks of a stream.
	 */
	public static void pauseBetweenChunks() {
		try {
			Thread.sleep(CHUNK_GAP.toMillis());
		}
		catch (InterruptedException ex) {
			// Shutting down: go on at once and let the caller see the interrupt
			Thread.currentThread().interrupt();
		}
	}

	private void pause(String model) {
		long nanos = this.properties.getLatency().toNanos();
		if (GPT_4O_MINI.equals(model)) {
			nanos /= 2;
		}
		if (nanos <= 0) {
			return;
		}
		try {
			TimeUnit.NANOSECONDS.sleep((long) (nanos * ThreadLocalRandom.current().nextDouble(0.75, 1.25)));
		}
		catch (InterruptedException ex) {
			// Shutting down: answer at once and let the caller see the interrupt
			Thread.currentThread().interrupt();
		}
	}

	private void failSometimes(String model, long requestedTokens, long start) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		if (random.nextDouble() >= this.properties.getFailureRate()) {
			return;
		}
		if (random.nextBoolean()) {
			// A real client waits about 30 s; the simulation gives up after the usual latency
			throw new ModelTimeoutException(model, Duration.ofNanos(System.nanoTime() - start));
		}
		long used = TOKENS_PER_MINUTE - random.nextLong(Math.min(requestedTokens, TOKENS_PER_MINUTE));
		throw new RateLimitException(model, TOKENS_PER_MINUTE, used, requestedTokens,
				this.properties.getLatency().dividedBy(2));
	}

	private record Draft(String content, List<ToolCall> toolCalls, @Nullable String code) {

		static Draft answer(String content) {
			return new Draft(content, List.of(), null);
		}

	}

}
