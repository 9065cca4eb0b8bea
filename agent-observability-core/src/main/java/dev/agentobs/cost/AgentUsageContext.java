package dev.agentobs.cost;

import org.jspecify.annotations.Nullable;

/**
 * Who the agent runs started on this thread work for: set once per request, read by every run
 * that starts while it is set, whichever produced it (the facade, a Spring AI {@code ChatClient}
 * call, a LangChain4j AI service), for the runs' {@link AgentUsage} records.
 *
 * <pre class="code">
 * try (AgentUsageContext.Scope scope = AgentUsageContext.with(user.id(), user.tenantId(), sessionId)) {
 *     return chatClient.prompt(question).call().content();
 * }
 * </pre>
 *
 * A run given its own user or tenant ({@code observations.agent("x").user(id)}) keeps them; a
 * sub-agent's run takes its parent's. The values live on the thread that sets them: a run
 * started on another thread (an executor, a reactive pipeline) does not see them.
 *
 * @since 0.1.0
 */
public final class AgentUsageContext {

	private static final ThreadLocal<@Nullable AgentUsageContext> CURRENT = new ThreadLocal<>();

	private final @Nullable String userId;

	private final @Nullable String tenantId;

	private final @Nullable String conversationId;

	private AgentUsageContext(@Nullable String userId, @Nullable String tenantId, @Nullable String conversationId) {
		this.userId = userId;
		this.tenantId = tenantId;
		this.conversationId = conversationId;
	}

	/**
	 * Set who the runs started on this thread work for, until the scope is closed.
	 * @param userId the user, or {@code null}
	 * @param tenantId the tenant, or {@code null}
	 * @param conversationId the conversation, or {@code null}; a run with a conversation of its
	 * own keeps it
	 * @return the scope, to close (try-with-resources): it restores what was set before
	 */
	public static Scope with(@Nullable String userId, @Nullable String tenantId, @Nullable String conversationId) {
		AgentUsageContext previous = CURRENT.get();
		CURRENT.set(new AgentUsageContext(userId, tenantId, conversationId));
		return () -> {
			if (previous != null) {
				CURRENT.set(previous);
			}
			else {
				CURRENT.remove();
			}
		};
	}

	/**
	 * What is set on this thread.
	 * @return the context, or {@code null} when none is set
	 */
	public static @Nullable AgentUsageContext current() {
		return CURRENT.get();
	}

	/**
	 * A context of these values, to keep with a run.
	 * @param userId the user, or {@code null}
	 * @param tenantId the tenant, or {@code null}
	 * @param conversationId the conversation, or {@code null}
	 * @return the context, or {@code null} when every value is {@code null}
	 */
	public static @Nullable AgentUsageContext of(@Nullable String userId, @Nullable String tenantId,
			@Nullable String conversationId) {
		return (userId == null && tenantId == null && conversationId == null) ? null
				: new AgentUsageContext(userId, tenantId, conversationId);
	}

	public @Nullable String getUserId() {
		return this.userId;
	}

	public @Nullable String getTenantId() {
		return this.tenantId;
	}

	public @Nullable String getConversationId() {
		return this.conversationId;
	}

	/**
	 * The values set by {@link #with}, until closed.
	 */
	@FunctionalInterface
	public interface Scope extends AutoCloseable {

		/**
		 * Restore what was set before.
		 */
		@Override
		void close();

	}

}
