package dev.agentobs.sample.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /api/research}.
 *
 * @param question the question to research, such as
 * {@code What is the vector database market worth, and what is (1200 - 300) * 4?}
 * @param conversationId the conversation the question belongs to, optional
 * @since 0.1.0
 */
public record ResearchRequest(
		@NotBlank(message = "question must not be blank") @Size(max = ResearchRequest.MAX_QUESTION_LENGTH,
				message = "question must be at most {max} characters") @Nullable String question,
		@Size(max = 100, message = "conversationId must be at most {max} characters") @Nullable String conversationId) {

	/** The longest question accepted, in characters. */
	public static final int MAX_QUESTION_LENGTH = 1000;

}
