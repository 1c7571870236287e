package paperboy.parse;

import paperboy.problems.Problem;
import paperboy.problems.Problems;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The input fixtures under src/test/resources/inputs, read as the content loader reads them. */
final class ListingFixtures {
    static final Path DIR = Path.of("src/test/resources/inputs");

    private ListingFixtures() {}

    static Path file(String name) {
        return DIR.resolve(name);
    }

    static String text(String name) {
        try {
            return Files.readString(file(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> messages(Problems problems) {
        return problems.sorted().stream().map(Problem::toString).toList();
    }
}
