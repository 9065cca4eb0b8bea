package dev.agentobs.internal.stats;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

import org.jspecify.annotations.Nullable;

import dev.agentobs.internal.support.SecretMasker;
import dev.agentobs.operation.AgentOperation;
import dev.agentobs.stats.RecentError;

/**
 * The latest failures, in a fixed ring: each failure takes the next place, lock-free,
 * overwriting the oldest.
 *
 * @since 0.1.0
 */
final class RecentErrors {

	/** The most characters of an error message that are kept. */
	static final int MAX_MESSAGE_LENGTH = 200;

	private static final Comparator<RecentError> NEWEST_FIRST = Comparator.comparing(RecentError::time).reversed();

	private final AtomicReferenceArray<@Nullable RecentError> errors;

	private final AtomicLong next = new AtomicLong();

	/**
	 * Create an empty ring.
	 * @param capacity how many failures are kept
	 */
	RecentErrors(int capacity) {
		this.errors = new AtomicReferenceArray<>(capacity);
	}

	/**
	 * Keep a failed operation.
	 * @param time when it was reported
	 * @param operation the operation
	 */
	void add(Instant time, AgentOperation operation) {
		Throwable error = operation.outcome().error();
		String type = operation.errorType();
		RecentError recent = new RecentError(time, operation.kind().eventName(), operation.name(),
				operation.agentName(), (type != null) ? cut(type) : "unknown",
				SecretMasker.maskAndCut((error != null) ? error.getMessage() : null, MAX_MESSAGE_LENGTH));
		int position = (int) (this.next.getAndIncrement() % this.errors.length());
		this.errors.set(position, recent);
	}

	private static String cut(String text) {
		return (text.length() > MAX_MESSAGE_LENGTH) ? text.substring(0, MAX_MESSAGE_LENGTH) : text;
	}

	/**
	 * The failures kept that happened at or after a time.
	 * @param since the earliest time
	 * @return the failures, newest first
	 */
	List<RecentError> since(Instant since) {
		List<RecentError> recent = new ArrayList<>(this.errors.length());
		for (int i = 0; i < this.errors.length(); i++) {
			RecentError error = this.errors.get(i);
			if (error != null && !error.time().isBefore(since)) {
				recent.add(error);
			}
		}
		recent.sort(NEWEST_FIRST);
		return List.copyOf(recent);
	}

}
