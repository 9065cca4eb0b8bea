package dev.agentobs.internal.bridge.springai;

import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationView;
import org.jspecify.annotations.Nullable;

import dev.agentobs.internal.stream.ChunkTimes;
import dev.agentobs.operation.ResponseStream;

/**
 * The chunks of one streamed chat model call as the {@code ChatClient} caller receives them,
 * counted by {@link SpringAiStreamAdvisor} and read by {@link SpringAiChatModelHandler} when it
 * records the call. Spring AI hands each chunk to the caller on another thread after the model
 * call's own observation may have stopped, so the call is recorded once the chunks have ended
 * too ({@link #whenEnded(Runnable)}).
 */
final class SpringAiStreamChunks {

	private final AtomicBoolean claimed = new AtomicBoolean();

	// Noted only by the stream's signals, which Reactor serialises; read by the recording thread
	private final ChunkTimes times = new ChunkTimes();

	private boolean ended;

	private @Nullable Runnable onEnd;

	/**
	 * Find the unclaimed chunks of the stream an observation is part of, walking its parents,
	 * and claim them: the chunks belong to the first chat model call started in the stream.
	 * @param view the observation to start from, or {@code null}
	 * @return the chunks, or {@code null} when the call is not part of an advised stream
	 */
	static @Nullable SpringAiStreamChunks claim(@Nullable ObservationView view) {
		ObservationView current = view;
		while (current != null) {
			Observation.ContextView context = current.getContextView();
			SpringAiStreamChunks chunks = context.get(SpringAiStreamChunks.class);
			if (chunks != null) {
				return chunks.claimed.compareAndSet(false, true) ? chunks : null;
			}
			current = context.getParentObservation();
		}
		return null;
	}

	void chunk() {
		this.times.chunk(System.nanoTime());
	}

	/**
	 * The stream ended (completed, failed or was cancelled): run what waited for it.
	 */
	void end() {
		Runnable waiting;
		synchronized (this) {
			if (this.ended) {
				return;
			}
			this.ended = true;
			waiting = this.onEnd;
			this.onEnd = null;
		}
		if (waiting != null) {
			waiting.run();
		}
	}

	/**
	 * Run an action once the stream has ended: now if it has.
	 * @param action the action
	 */
	void whenEnded(Runnable action) {
		synchronized (this) {
			if (!this.ended) {
				this.onEnd = action;
				return;
			}
		}
		action.run();
	}

	/**
	 * How the answer streamed in, measured from the start of the call.
	 * @param startNanos the {@link System#nanoTime()} at the start of the call
	 * @return the chunks and their times
	 */
	ResponseStream stream(long startNanos) {
		return this.times.since(startNanos);
	}

}
