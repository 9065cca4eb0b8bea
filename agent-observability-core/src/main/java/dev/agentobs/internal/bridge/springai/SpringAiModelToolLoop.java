package dev.agentobs.internal.bridge.springai;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationView;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.model.tool.ToolCallingChatOptions;

import dev.agentobs.operation.ModelCall;

/**
 * The tool loop a Spring AI 1.x chat model runs itself: it executes the tools an answer asks
 * for and calls the model again with their results, reporting each later call's usage added
 * to the usage reported before it in the loop. So that each call counts its own tokens, the
 * usage a call reported is kept in the context of the observation around the loop, under the
 * message that asked for the tools, and the call that answers that message takes it off its
 * own. Spring AI 2.0 leaves the loop to the {@code ChatClient}, whose calls report their own
 * usage; this class then does nothing.
 */
final class SpringAiModelToolLoop {

	// Only Spring AI 1.x says whether a model runs the loop itself, by a method 2.0 does not
	// have: looked up once, so that nothing of it is linked on 2.0
	private static final @Nullable MethodHandle INTERNAL_TOOL_EXECUTION = internalToolExecution();

	private SpringAiModelToolLoop() {
	}

	/**
	 * Give a finished call the tokens it used by itself.
	 * @param context the call's observation context
	 * @param call the model call to give the tokens to
	 * @param input the input tokens the call reported
	 * @param output the output tokens the call reported
	 */
	static void tokens(ChatModelObservationContext context, ModelCall.Builder call, long input, long output) {
		Observation.Context around = (INTERNAL_TOOL_EXECUTION != null) ? around(context) : null;
		if (around == null || !runsToolLoop(context.getRequest().getOptions())) {
			call.tokens(input, output);
			return;
		}
		Reported before = reportedBefore(around, context.getRequest().getInstructions());
		if (before != null) {
			call.tokens(Math.max(0, input - before.input()), Math.max(0, output - before.output()));
		}
		else {
			call.tokens(input, output);
		}
		AssistantMessage asking = askingForTools(context.getResponse());
		if (asking != null) {
			around.put(new AskedForTools(asking), new Reported(input, output));
		}
	}

	private static Observation.@Nullable Context around(ChatModelObservationContext context) {
		ObservationView parent = context.getParentObservation();
		return (parent instanceof Observation observation) ? observation.getContext() : null;
	}

	private static boolean runsToolLoop(@Nullable ChatOptions options) {
		if (options == null || INTERNAL_TOOL_EXECUTION == null) {
			return false;
		}
		try {
			return (boolean) INTERNAL_TOOL_EXECUTION.invokeExact(options);
		}
		catch (Throwable ex) {
			return false;
		}
	}

	/**
	 * What the call before reported, when this call answers the tools it asked for: the loop
	 * adds the message that asked and the tools' results to the end of the conversation.
	 */
	private static @Nullable Reported reportedBefore(Observation.Context around, List<Message> messages) {
		int size = messages.size();
		if (size < 2 || !(messages.get(size - 1) instanceof ToolResponseMessage)
				|| !(messages.get(size - 2) instanceof AssistantMessage asked)) {
			return null;
		}
		return (around.remove(new AskedForTools(asked)) instanceof Reported reported) ? reported : null;
	}

	/**
	 * The message whose tool calls the loop executes: the first of the answer's generations
	 * that asks for tools.
	 */
	private static @Nullable AssistantMessage askingForTools(@Nullable ChatResponse response) {
		if (response == null) {
			return null;
		}
		for (Generation generation : response.getResults()) {
			AssistantMessage output = generation.getOutput();
			if (output != null && output.hasToolCalls()) {
				return output;
			}
		}
		return null;
	}

	private static @Nullable MethodHandle internalToolExecution() {
		try {
			return MethodHandles.publicLookup()
				.findStatic(ToolCallingChatOptions.class, "isInternalToolExecutionEnabled",
						MethodType.methodType(boolean.class, ChatOptions.class));
		}
		catch (NoSuchMethodException | IllegalAccessException ex) {
			return null;
		}
	}

	/**
	 * The usage a call of the loop reported.
	 *
	 * @param input its input tokens
	 * @param output its output tokens
	 */
	private record Reported(long input, long output) {

	}

	/**
	 * The message that asked for tools, told apart by identity: the loop hands the same
	 * message on, and two answers may be equal.
	 *
	 * @param message the message
	 */
	private record AskedForTools(AssistantMessage message) {

		@Override
		public boolean equals(@Nullable Object other) {
			return other instanceof AskedForTools asked && asked.message == this.message;
		}

		@Override
		public int hashCode() {
			return System.identityHashCode(this.message);
		}

	}

}
