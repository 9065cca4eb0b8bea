package dev.agentobs.internal.support;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link NameCombinationCache}.
 */
class NameCombinationCacheTests {

	private final AtomicInteger made = new AtomicInteger();

	@Test
	void sameCombinationIsMadeOnceAndFoundAgain() {
		NameCombinationCache<String> cache = new NameCombinationCache<>();
		String first = cache.get("web_search", "function", null, "none", null, this, NameCombinationCacheTests::make);
		String second = cache.get("web_search", "function", null, "none", null, this,
				NameCombinationCacheTests::make);
		assertThat(second).isSameAs(first);
		assertThat(this.made).hasValue(1);
	}

	@Test
	void combinationsThatDifferInAnyNameOrInWhereANullIsAreKeptApart() {
		NameCombinationCache<String> cache = new NameCombinationCache<>();
		cache.put("a", "b", null, null, null, "ab");
		cache.put("a", null, "b", null, null, "a-b");
		cache.put("a", "b", "c", "d", "e", "abcde");
		assertThat(cache.find("a", "b", null, null, null)).isEqualTo("ab");
		assertThat(cache.find("a", null, "b", null, null)).isEqualTo("a-b");
		assertThat(cache.find("a", "b", "c", "d", "e")).isEqualTo("abcde");
		assertThat(cache.find("a", "b", "c", "d", "x")).isNull();
		assertThat(cache.find(null, null, null, null, null)).isNull();
	}

	@Test
	void namesAreComparedByValueNotIdentity() {
		NameCombinationCache<String> cache = new NameCombinationCache<>();
		cache.put("web_search", null, null, null, null, "value");
		assertThat(cache.find(new String("web_search"), null, null, null, null)).isEqualTo("value");
	}

	@Test
	void aCombinationThatLostItsSlotIsMadeAgainWithTheSameValue() {
		NameCombinationCache<String> cache = new NameCombinationCache<>(1);
		String first = cache.get("one", null, null, null, null, this, NameCombinationCacheTests::make);
		cache.get("two", null, null, null, null, this, NameCombinationCacheTests::make);
		assertThat(cache.find("one", null, null, null, null)).isNull();
		assertThat(cache.get("one", null, null, null, null, this, NameCombinationCacheTests::make))
			.isEqualTo(first);
		assertThat(this.made).hasValue(3);
	}

	@Test
	void slotsMustBeAPowerOfTwo() {
		assertThatIllegalArgumentException().isThrownBy(() -> new NameCombinationCache<>(100))
			.withMessageContaining("power of two");
	}

	private static String make(NameCombinationCacheTests tests) {
		tests.made.incrementAndGet();
		return "made";
	}

}
