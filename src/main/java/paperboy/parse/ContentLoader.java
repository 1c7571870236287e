package paperboy.parse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import paperboy.model.SourceRef;

/**
 * Finds the listing files under the content folder and parses them, in parallel, into snapshots sorted by
 * date then file name. Files it does not know are reported, never silently skipped.
 */
public final class ContentLoader {
    /** Folders and files under content/ that other stages own. */
    private static final Set<String> RESERVED = Set.of("notes", "pages", "themes.yml");

    private final SnapshotParser parser;

    public ContentLoader(SnapshotParser parser) {
        this.parser = parser;
    }

    public List<Snapshot> load(Path contentDir, Problems problems) {
        if (!Files.isDirectory(contentDir)) {
            problems.error(SourceRef.file(contentDir), "content folder not found (pass --content DIR)");
            return List.of();
        }
        List<Path> files = listingFiles(contentDir, problems);
        if (files.isEmpty()) {
            problems.error(SourceRef.file(contentDir), "no listing files (*.txt) in the content folder");
        }
        return files.parallelStream()
                .map(f -> read(f, problems))
                .flatMap(Optional::stream)
                .sorted(Comparator.comparing(Snapshot::date).thenComparing(s -> s.file().toString()))
                .toList();
    }

    private Optional<Snapshot> read(Path file, Problems problems) {
        try {
            return parser.parse(file, Files.readAllBytes(file), problems);
        } catch (IOException e) {
            problems.error(SourceRef.file(file), "cannot read: " + e.getMessage());
            return Optional.empty();
        }
    }

    private static List<Path> listingFiles(Path contentDir, Problems problems) {
        try (Stream<Path> walk = Files.walk(contentDir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(f -> !hidden(contentDir, f))
                    .filter(f -> !reserved(contentDir, f))
                    .filter(f -> {
                        if (f.getFileName().toString().endsWith(".txt")) return true;
                        problems.warning(SourceRef.file(f), "skipped: not a listing (*.txt)");
                        return false;
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            problems.error(SourceRef.file(contentDir), "cannot list: " + e.getMessage());
            return List.of();
        }
    }

    private static boolean hidden(Path root, Path f) {
        for (Path part : root.relativize(f)) {
            if (part.toString().startsWith(".")) return true;
        }
        return false;
    }

    private static boolean reserved(Path root, Path f) {
        return RESERVED.contains(root.relativize(f).getName(0).toString());
    }
}
