package dev.agentobs.internal.support;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Numbers that tell the operations of one process apart, so that an operation can name the
 * one it ran inside whether or not it was traced. A counter rather than a random number: cheap
 * on the agent's thread and never 0, the number of no operation.
 *
 * @since 0.1.0
 */
public final class OperationIds {

	private static final AtomicLong last = new AtomicLong();

	private OperationIds() {
	}

	/**
	 * A number no other operation of this process has.
	 * @return the number, 1 or more
	 */
	public static long next() {
		return last.incrementAndGet();
	}

}
