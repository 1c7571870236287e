package paperboy.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/** A build that ran out of heap: which input is large, and how much memory to give the JVM. */
final class OutOfMemory {
    private OutOfMemory() {}

    /** The OutOfMemoryError behind {@code t} (a worker thread's error arrives wrapped), if there is one. */
    static Optional<OutOfMemoryError> in(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof OutOfMemoryError oom) return Optional.of(oom);
        }
        return Optional.empty();
    }

    /** One line for the user. */
    static String message(Path content) {
        long maxMb = Runtime.getRuntime().maxMemory() >> 20;
        long suggestMb = Math.max(1024, Math.min(maxMb * 2, 64 * 1024));
        String inputs = "";
        try (Stream<Path> walk = Files.walk(content)) {
            var files = walk.filter(Files::isRegularFile).toList();
            long total = 0;
            for (Path f : files) total += Files.size(f);
            Path largest = files.stream().max(Comparator.comparingLong(OutOfMemory::size)).orElse(null);
            if (largest != null) {
                inputs = String.format(Locale.ROOT, " reading %s (%,d files, %,d MB; the largest is %s, %,d MB)",
                        content, files.size(), total >> 20, largest, size(largest) >> 20);
            }
        } catch (IOException | RuntimeException e) {
            inputs = " reading " + content;
        }
        return String.format(Locale.ROOT, "out of memory%s with a heap of %,d MB; run with more, e.g. "
                + "java -Xmx%dm -jar paperboy.jar ..., or split the largest listing into one file per day",
                inputs, maxMb, suggestMb);
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }
}
