package dev.agentobs.sample.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import dev.agentobs.cost.AgentBudgetExceededException;
import dev.agentobs.sample.agent.ResearchFailedException;

/**
 * Turns what goes wrong into RFC 9457 problem details that say what to fix: a 400 naming each
 * invalid field, and for a failed run a 503 (the model provider failed) or a 500, with the run
 * and trace ids to look for.
 *
 * @since 0.1.0
 */
@RestControllerAdvice
class ResearchExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(ResearchExceptionHandler.class);

	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<String> messages = new ArrayList<>();
		List<Map<String, String>> errors = new ArrayList<>();
		for (FieldError error : ex.getBindingResult().getFieldErrors()) {
			String message = (error.getDefaultMessage() != null) ? error.getDefaultMessage() : "is not valid";
			messages.add(message);
			errors.add(Map.of("field", error.getField(), "message", message));
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, String.join("; ", messages));
		problem.setTitle("Invalid research request");
		problem.setProperty("errors", errors);
		return handleExceptionInternal(ex, problem, headers, status, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
				"The body must be a JSON object such as {\"question\": \"What is (1200 - 300) * 4?\"}");
		problem.setTitle("Invalid research request");
		return handleExceptionInternal(ex, problem, headers, status, request);
	}

	@ExceptionHandler
	ProblemDetail handleResearchFailed(ResearchFailedException ex) {
		AgentBudgetExceededException budget = budgetExceeded(ex);
		if (budget != null) {
			// The stop is logged once by the starter; its message names the limit and the key to raise
			return problem(HttpStatus.TOO_MANY_REQUESTS, "The research run was stopped by its budget: "
					+ budget.getMessage(), ex);
		}
		boolean providerFailed = ex.isProviderFailure();
		HttpStatus status = providerFailed ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.INTERNAL_SERVER_ERROR;
		if (!providerFailed) {
			logger.error("Research run {} failed", ex.getRunId(), ex);
		}
		return problem(status, providerFailed ? "The model provider failed: " + ex.getCause().getMessage()
				: "The research agent failed unexpectedly", ex);
	}

	private static ProblemDetail problem(HttpStatus status, String detail, ResearchFailedException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle("Research failed");
		problem.setProperty("runId", ex.getRunId());
		problem.setProperty("traceId", ex.getTraceId());
		return problem;
	}

	private static @Nullable AgentBudgetExceededException budgetExceeded(Throwable thrown) {
		Throwable cause = thrown;
		while (cause != null && !(cause instanceof AgentBudgetExceededException)) {
			cause = cause.getCause();
		}
		return (AgentBudgetExceededException) cause;
	}

}
