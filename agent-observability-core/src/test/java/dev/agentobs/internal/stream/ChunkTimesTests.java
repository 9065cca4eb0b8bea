package dev.agentobs.internal.stream;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.agentobs.operation.ResponseStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ChunkTimes}.
 */
class ChunkTimesTests {

	private final ChunkTimes times = new ChunkTimes();

	@Test
	void withoutChunksTheStreamHasNoneAndNoTimeToFirstChunk() {
		assertThat(this.times.count()).isZero();
		assertThat(this.times.timeToFirst(0)).isNull();
		assertThat(this.times.since(0)).isSameAs(ResponseStream.NO_CHUNKS);
	}

	@Test
	void chunksAreCountedAndTimedFromTheOrigin() {
		this.times.chunk(1_300);
		this.times.chunk(1_500);
		this.times.chunk(1_900);
		assertThat(this.times.count()).isEqualTo(3);
		assertThat(this.times.timeToFirst(1_000)).isEqualTo(Duration.ofNanos(300));
		assertThat(this.times.since(1_000))
			.isEqualTo(new ResponseStream(3, Duration.ofNanos(300), Duration.ofNanos(900)));
	}

	@Test
	void chunksBeforeTheOriginCountAsComingAtIt() {
		this.times.chunk(400);
		this.times.chunk(700);
		assertThat(this.times.timeToFirst(1_000)).isEqualTo(Duration.ZERO);
		assertThat(this.times.since(1_000)).isEqualTo(new ResponseStream(2, Duration.ZERO, Duration.ZERO));
	}

	@Test
	void aLastChunkTimedBeforeTheFirstEndsTheStreamAtTheFirst() {
		this.times.chunk(1_500);
		this.times.chunk(1_200);
		assertThat(this.times.since(1_000))
			.isEqualTo(new ResponseStream(2, Duration.ofNanos(500), Duration.ofNanos(500)));
	}

}
