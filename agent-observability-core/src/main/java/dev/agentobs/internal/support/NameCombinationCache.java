package dev.agentobs.internal.support;

import java.util.Objects;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * Remembers a value made from a combination of up to five names (agent, model, tool, error
 * type, ...), such as the key values of an observation or the meter that records it. The same
 * few combinations come back on every operation, and an observation asks for its key values
 * twice, so they are made once and then found again without allocating, locking or hashing
 * more than the names' cached hash codes.
 * <p>
 * A fixed table of slots, each holding the last combination that fell in it: a combination
 * whose slot holds another one is made again (and takes the slot), so memory stays fixed
 * whatever names come, and a value must be one that can safely be made more than once. Reads
 * and writes race harmlessly: a slot holds an immutable entry or nothing.
 *
 * @param <V> the type of value
 * @since 0.1.0
 */
public final class NameCombinationCache<V> {

	private static final int DEFAULT_SLOTS = 256;

	private final @Nullable Entry<V>[] slots;

	private final int mask;

	/**
	 * Create a cache of 256 slots.
	 */
	public NameCombinationCache() {
		this(DEFAULT_SLOTS);
	}

	/**
	 * Create a cache.
	 * @param slots the number of slots, a power of two
	 */
	@SuppressWarnings("unchecked")
	public NameCombinationCache(int slots) {
		if (slots < 1 || Integer.bitCount(slots) != 1) {
			throw new IllegalArgumentException("slots must be a power of two, was " + slots);
		}
		this.slots = new Entry[slots];
		this.mask = slots - 1;
	}

	/**
	 * The value of a combination of names, made and remembered when it is not known.
	 * @param <S> the type of what the value is made from
	 * @param a the first name, or {@code null}
	 * @param b the second name, or {@code null}
	 * @param c the third name, or {@code null}
	 * @param d the fourth name, or {@code null}
	 * @param e the fifth name, or {@code null}
	 * @param source what the value is made from, such as an observation context
	 * @param factory makes the value from the source; a function that captures nothing, so
	 * that calling this allocates nothing
	 * @return the value
	 */
	public <S> V get(@Nullable String a, @Nullable String b, @Nullable String c, @Nullable String d,
			@Nullable String e, S source, Function<? super S, ? extends V> factory) {
		V value = find(a, b, c, d, e);
		if (value == null) {
			value = factory.apply(source);
			put(a, b, c, d, e, value);
		}
		return value;
	}

	/**
	 * The value of a combination of names, when it is remembered.
	 * @param a the first name, or {@code null}
	 * @param b the second name, or {@code null}
	 * @param c the third name, or {@code null}
	 * @param d the fourth name, or {@code null}
	 * @param e the fifth name, or {@code null}
	 * @return the value, or {@code null} when the combination is not remembered
	 */
	public @Nullable V find(@Nullable String a, @Nullable String b, @Nullable String c, @Nullable String d,
			@Nullable String e) {
		int hash = hash(a, b, c, d, e);
		Entry<V> entry = this.slots[hash & this.mask];
		return (entry != null && entry.hash == hash && entry.matches(a, b, c, d, e)) ? entry.value : null;
	}

	/**
	 * Remember the value of a combination of names, in place of the combination its slot held.
	 * @param a the first name, or {@code null}
	 * @param b the second name, or {@code null}
	 * @param c the third name, or {@code null}
	 * @param d the fourth name, or {@code null}
	 * @param e the fifth name, or {@code null}
	 * @param value the value
	 */
	public void put(@Nullable String a, @Nullable String b, @Nullable String c, @Nullable String d,
			@Nullable String e, V value) {
		int hash = hash(a, b, c, d, e);
		this.slots[hash & this.mask] = new Entry<>(hash, a, b, c, d, e, value);
	}

	private static int hash(@Nullable String a, @Nullable String b, @Nullable String c, @Nullable String d,
			@Nullable String e) {
		int hash = Objects.hashCode(a);
		hash = 31 * hash + Objects.hashCode(b);
		hash = 31 * hash + Objects.hashCode(c);
		hash = 31 * hash + Objects.hashCode(d);
		hash = 31 * hash + Objects.hashCode(e);
		// Spread the high bits into the few low ones that pick the slot
		return hash ^ (hash >>> 16) ^ (hash >>> 8);
	}

	/**
	 * One remembered combination; immutable, so that a slot read on another thread is whole.
	 */
	private static final class Entry<V> {

		final int hash;

		final @Nullable String a;

		final @Nullable String b;

		final @Nullable String c;

		final @Nullable String d;

		final @Nullable String e;

		final V value;

		Entry(int hash, @Nullable String a, @Nullable String b, @Nullable String c, @Nullable String d,
				@Nullable String e, V value) {
			this.hash = hash;
			this.a = a;
			this.b = b;
			this.c = c;
			this.d = d;
			this.e = e;
			this.value = value;
		}

		boolean matches(@Nullable String a, @Nullable String b, @Nullable String c, @Nullable String d,
				@Nullable String e) {
			return Objects.equals(this.a, a) && Objects.equals(this.b, b) && Objects.equals(this.c, c)
					&& Objects.equals(this.d, d) && Objects.equals(this.e, e);
		}

	}

}
