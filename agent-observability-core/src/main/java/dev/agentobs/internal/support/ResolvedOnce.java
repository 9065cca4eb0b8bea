package dev.agentobs.internal.support;

import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * A value read from a supplier when first needed and kept, so that a handler created with the
 * observation registry need not create what it uses (and whatever that binds) with it. Until
 * the supplier gives a value, each call asks it again.
 *
 * @param <T> the value's type
 * @since 0.1.0
 */
public final class ResolvedOnce<T> implements Supplier<@Nullable T> {

	private final Supplier<? extends @Nullable T> supplier;

	private volatile @Nullable T value;

	/**
	 * Create the value.
	 * @param supplier gives the value, or {@code null} while there is none
	 */
	public ResolvedOnce(Supplier<? extends @Nullable T> supplier) {
		this.supplier = supplier;
	}

	@Override
	public @Nullable T get() {
		T value = this.value;
		if (value == null) {
			value = this.supplier.get();
			this.value = value;
		}
		return value;
	}

}
