package paperboy.build;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** The wall time of each phase of one build, in milliseconds, in the order the phases ran. */
final class Phases {
    private final Map<String, Long> millis = new LinkedHashMap<>();

    <T> T time(String phase, Supplier<T> work) {
        long t0 = System.nanoTime();
        try {
            return work.get();
        } finally {
            put(phase, (System.nanoTime() - t0) / 1_000_000);
        }
    }

    void put(String phase, long ms) {
        millis.put(phase, ms);
    }

    Map<String, Long> millis() {
        return millis;
    }
}
