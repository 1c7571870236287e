package paperboy.model;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * A text of the model (a paper's abstract), given, or read from where the archive state keeps it when first asked
 * for. A daily build at ten years then reads the abstracts of the few thousand papers it shows, not of all
 * 128,000 (they are most of the state's bytes). Immutable as seen from outside, and equal by content.
 */
public final class LazyText {
    private final Supplier<Optional<String>> source;
    private volatile Optional<String> value;

    private LazyText(Optional<String> value, Supplier<Optional<String>> source) {
        this.value = value;
        this.source = source;
    }

    public static LazyText of(Optional<String> text) {
        return new LazyText(java.util.Objects.requireNonNull(text), null);
    }

    /** A text read by {@code source} when first asked for, once; {@code source} may throw when what it reads is gone. */
    public static LazyText reading(Supplier<Optional<String>> source) {
        return new LazyText(null, java.util.Objects.requireNonNull(source));
    }

    public Optional<String> get() {
        Optional<String> v = value;
        if (v == null) {
            synchronized (this) {
                if (value == null) value = java.util.Objects.requireNonNull(source.get());
                v = value;
            }
        }
        return v;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof LazyText t && get().equals(t.get());
    }

    @Override
    public int hashCode() {
        return get().hashCode();
    }

    @Override
    public String toString() {
        return get().toString();
    }
}
