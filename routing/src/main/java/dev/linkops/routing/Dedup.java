package dev.linkops.routing;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.BiPredicate;
import java.util.function.ToIntFunction;
import java.util.function.UnaryOperator;

/**
 * Hands out one shared instance for equal values, so a million links that name the same SKU, host,
 * template or rule hold one copy of it (DESIGN §7: memory flat per link). Lossy and bounded on
 * purpose: one slot per hash bucket, a colliding value simply replaces the held one. A unique value
 * therefore costs no table entry, nothing is ever pinned beyond the slot count, and a miss only
 * means that link keeps its own copy. Values must be immutable once handed in.
 */
final class Dedup<T> {

    private final Object[] slots;
    private final ToIntFunction<T> hash;
    private final BiPredicate<T, T> equal;

    private Dedup(int bits, ToIntFunction<T> hash, BiPredicate<T, T> equal) {
        this.slots = new Object[1 << bits];
        this.hash = hash;
        this.equal = equal;
    }

    /** For values with their own equals/hashCode (strings, records, immutable collections). */
    static <T> Dedup<T> ofValues(int bits) {
        return new Dedup<>(bits, Object::hashCode, Object::equals);
    }

    /** For arrays, compared element by element; an empty String[] is no stand-in for an empty Check[]. */
    static <E> Dedup<E[]> ofArrays(int bits) {
        return new Dedup<>(bits, Arrays::hashCode, (a, b) -> a.getClass() == b.getClass() && Arrays.equals(a, b));
    }

    T canonical(T value) {
        return canonical(value, UnaryOperator.identity());
    }

    /**
     * @param keep turns a value about to be shared into the copy the table holds (e.g. an immutable
     *             copy of a caller's list); not called when an equal value is already held
     */
    @SuppressWarnings("unchecked")
    synchronized T canonical(T value, UnaryOperator<T> keep) {
        if (value == null) {
            return null;
        }
        int h = hash.applyAsInt(value);
        int slot = (h ^ (h >>> 16)) & (slots.length - 1);
        T held = (T) slots[slot];
        if (held != null && equal.test(held, value)) {
            return held;
        }
        T kept = Objects.requireNonNull(keep.apply(value));
        slots[slot] = kept;
        return kept;
    }
}
