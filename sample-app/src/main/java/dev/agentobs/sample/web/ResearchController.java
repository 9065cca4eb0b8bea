package dev.agentobs.sample.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.validation.Valid;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import dev.agentobs.sample.agent.ResearchAgent;
import dev.agentobs.sample.agent.ResearchFailedException;
import dev.agentobs.sample.agent.ResearchResult;

/**
 * The research API: {@code POST /api/research} with {@code {"question": "..."}}, and
 * {@code GET /api/research/stream?question=...}, the same run with its answer streamed as
 * server-sent events: {@code chunk} events ({@code {"text": "..."}}) as the model streams them,
 * then one {@code done} event with the run and trace ids, or one {@code error} event.
 *
 * @since 0.1.0
 */
@RestController
@RequestMapping("/api")
public class ResearchController {

	private static final Duration STREAM_TIMEOUT = Duration.ofMinutes(2);

	private final ResearchAgent agent;

	private final AsyncTaskExecutor streams;

	public ResearchController(ResearchAgent agent,
			@Qualifier(ResearchStreamConfiguration.STREAM_EXECUTOR) AsyncTaskExecutor streams) {
		this.agent = agent;
		this.streams = streams;
	}

	@PostMapping("/research")
	ResearchResponse research(@Valid @RequestBody ResearchRequest request) {
		// @Valid has checked that the question is there
		return ResearchResponse.of(this.agent.research(request.question().strip(), request.conversationId()));
	}

	@GetMapping(path = "/research/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter stream(@RequestParam(required = false) String question) {
		if (question == null || question.isBlank() || question.length() > ResearchRequest.MAX_QUESTION_LENGTH) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"question must be given and at most " + ResearchRequest.MAX_QUESTION_LENGTH + " characters");
		}
		SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT.toMillis());
		AtomicBoolean clientLeft = new AtomicBoolean();
		this.streams.execute(() -> {
			try {
				ResearchResult result = this.agent.stream(question.strip(), (chunk) -> {
					// A client that leaves does not fail the run: its answer is simply not delivered
					if (!clientLeft.get() && !sendQuietly(emitter, "chunk", Map.of("text", chunk))) {
						clientLeft.set(true);
					}
				});
				Map<String, Object> done = new LinkedHashMap<>();
				done.put("runId", result.runId());
				done.put("traceId", result.traceId());
				if (!clientLeft.get() && sendQuietly(emitter, "done", done)) {
					emitter.complete();
				}
			}
			catch (ResearchFailedException ex) {
				Map<String, Object> error = new LinkedHashMap<>();
				error.put("detail", "The research failed: " + ex.getCause().getMessage());
				error.put("runId", ex.getRunId());
				error.put("traceId", ex.getTraceId());
				if (sendQuietly(emitter, "error", error)) {
					emitter.complete();
				}
			}
			catch (RuntimeException ex) {
				emitter.completeWithError(ex);
			}
		});
		return emitter;
	}

	private static void send(SseEmitter emitter, String name, Object data) {
		try {
			emitter.send(SseEmitter.event().name(name).data(data, MediaType.APPLICATION_JSON));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static boolean sendQuietly(SseEmitter emitter, String name, Object data) {
		try {
			send(emitter, name, data);
			return true;
		}
		catch (UncheckedIOException | IllegalStateException ex) {
			// The client went away, or the emitter timed out
			emitter.completeWithError(ex);
			return false;
		}
	}

}
