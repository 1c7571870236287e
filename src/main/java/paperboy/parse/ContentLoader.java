package paperboy.parse;

import paperboy.problems.Problems;
import paperboy.source.ControlCharacters;
import paperboy.source.DecodedText;
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
 *
 * <p>Listing formats, by extension: {@code .txt} text dumps ({@link SnapshotParser}), {@code .json} Hugging Face
 * daily papers lists or JSON Feeds, told apart by content ({@link JsonListingParser}), and {@code .html} /
 * {@code .htm} saved listing pages ({@link HtmlListingParser}). One file may hold several days (a JSON Feed).
 */
public final class ContentLoader {
    /** Folders and files under content/ that other stages own. */
    private static final Set<String> RESERVED = Set.of("notes", "pages", "themes.yml");
    /** Papers one file may list for one day: the daily listings have about a hundred; a day page of more is unusable. */
    public static final int MAX_PAPERS_PER_DAY = 2_000;

    private static List<Snapshot> withinDayLimit(List<Snapshot> snapshots, Problems problems) {
        return snapshots.stream().filter(s -> {
            if (s.entries().size() <= MAX_PAPERS_PER_DAY) return true;
            problems.error(SourceRef.file(s.file()), String.format(java.util.Locale.ROOT,
                    "%,d papers listed for %s; a day may have at most %,d", s.entries().size(), s.date(), MAX_PAPERS_PER_DAY));
            return false;
        }).toList();
    }

    /** The largest listing file read: a year of daily listings is a few MB; beyond this, one file is a mistake. */
    public static final int MAX_FILE_BYTES = 64 << 20;

    private final SnapshotParser parser;
    private final JsonListingParser jsonParser = new JsonListingParser();
    private final HtmlListingParser htmlParser = new HtmlListingParser();

    public ContentLoader(SnapshotParser parser) {
        this.parser = parser;
    }

    public List<Snapshot> load(Path contentDir, Problems problems) {
        return load(contentDir, problems, ParseCache.none());
    }

    /**
     * As {@link #load(Path, Problems)}, taking a file whose content hash is in {@code cache} from there, with the
     * problems it reported, instead of parsing it; every file's result goes into the cache for the next build.
     */
    public List<Snapshot> load(Path contentDir, Problems problems, ParseCache cache) {
        if (!Files.isDirectory(contentDir)) {
            problems.error(SourceRef.file(contentDir), "content folder not found (pass --content DIR)");
            return List.of();
        }
        List<Path> files = listingFiles(contentDir, problems);
        if (files.isEmpty()) {
            problems.error(SourceRef.file(contentDir), "no listing files (*.txt, *.json, *.html) in the content folder");
        }
        return files.parallelStream()
                .map(f -> cache.enabled() ? cached(contentDir, f, problems, cache) : read(f, problems))
                .flatMap(List::stream)
                .sorted(Comparator.comparing(Snapshot::date).thenComparing(s -> s.file().toString()))
                .toList();
    }

    /**
     * The snapshots of these files of {@code contentDir} alone, parsed (no cache), sorted as {@link #load} sorts
     * them: for a build that appends new files to the archive it kept. A file {@link #load} would skip (hidden, or
     * not a listing, with its warning) is skipped the same way.
     */
    public List<Snapshot> loadFiles(Path contentDir, List<Path> files, Problems problems) {
        return files.stream().sorted().filter(f -> isListing(contentDir, f, problems)).toList().parallelStream()
                .map(f -> read(f, problems))
                .flatMap(List::stream)
                .sorted(Comparator.comparing(Snapshot::date).thenComparing(s -> s.file().toString()))
                .toList();
    }

    private List<Snapshot> cached(Path contentDir, Path file, Problems problems, ParseCache cache) {
        Optional<byte[]> read = bytes(file, problems);
        if (read.isEmpty()) return List.of();
        byte[] bytes = read.get();
        String path = contentDir.relativize(file).toString().replace('\\', '/');
        String sha = sha256(bytes);
        ParseCache.Entry entry = cache.get(path, sha).orElseGet(() -> {
            Problems own = new Problems();
            List<Snapshot> snapshots = parse(file, bytes, own);
            ParseCache.Entry parsed = new ParseCache.Entry(snapshots, own.sorted());
            cache.put(path, sha, parsed);
            return parsed;
        });
        entry.problems().forEach(problems::add);
        return entry.snapshots();
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private List<Snapshot> read(Path file, Problems problems) {
        return bytes(file, problems).map(bytes -> parse(file, bytes, problems)).orElse(List.of());
    }

    private static Optional<byte[]> bytes(Path file, Problems problems) {
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (IOException e) {
            problems.error(SourceRef.file(file), "cannot read: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** One file's snapshots, within the limits on its size, on papers per day and on a title's and author list's length. */
    private List<Snapshot> parse(Path file, byte[] bytes, Problems problems) {
        if (bytes.length > MAX_FILE_BYTES) {
            problems.error(SourceRef.file(file), String.format(java.util.Locale.ROOT,
                    "%,d bytes: larger than a listing file may be (%,d MB); split it into one file per day",
                    bytes.length, MAX_FILE_BYTES >> 20));
            return List.of();
        }
        return withinDayLimit(EntryLimits.apply(parseFormat(file, bytes, problems), problems), problems);
    }

    private List<Snapshot> parseFormat(Path file, byte[] bytes, Problems problems) {
        return switch (Format.of(file)) {
            case TEXT -> parser.parse(file, bytes, problems).map(List::of).orElse(List.of());
            case JSON -> DecodedText.decode(file, bytes, problems)
                    .map(text -> withoutControlCharacters(jsonParser.parse(file, text, problems), problems)).orElse(List.of());
            case HTML -> DecodedText.decode(file, bytes, problems)
                    .map(text -> withoutControlCharacters(htmlParser.parse(file, text, problems), problems)).orElse(List.of());
            case UNKNOWN -> List.of();
        };
    }

    /**
     * JSON escapes ({@code \u0007}) and HTML character references ({@code &#7;}) make control characters only
     * when parsed: they are removed from the entries, with a warning at the entry.
     */
    private static List<Snapshot> withoutControlCharacters(List<Snapshot> snapshots, Problems problems) {
        return snapshots.stream().map(s -> new Snapshot(s.file(), s.date(), s.entries().stream().map(e -> {
            ControlCharacters.Stripped title = ControlCharacters.strip(e.title());
            Optional<ControlCharacters.Stripped> abs = e.abstractText().map(ControlCharacters::strip);
            List<ControlCharacters.Stripped> authors = e.authors().stream().map(ControlCharacters::strip).toList();
            int removed = title.removed() + abs.map(ControlCharacters.Stripped::removed).orElse(0)
                    + authors.stream().mapToInt(ControlCharacters.Stripped::removed).sum();
            if (removed == 0) return e;
            String first = Stream.concat(Stream.concat(Stream.of(title), abs.stream()), authors.stream())
                    .filter(x -> x.removed() > 0).findFirst().orElseThrow().first();
            problems.warning(e.titleAt(), DecodedText.controlCharacters(new ControlCharacters.Stripped("", removed, first)));
            return new RawEntry(Lines.normalize(title.text()), abs.map(a -> Lines.normalize(a.text())), e.titleAt(),
                    e.arxivId(), authors.stream().map(a -> Lines.normalize(a.text())).toList(), e.upvotes());
        }).toList())).toList();
    }

    /** Listing formats by file extension; the JSON parser tells its kinds apart by content. */
    enum Format {
        TEXT, JSON, HTML, UNKNOWN;

        static Format of(Path file) {
            String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
            if (name.endsWith(".txt")) return TEXT;
            if (name.endsWith(".json")) return JSON;
            if (name.endsWith(".html") || name.endsWith(".htm")) return HTML;
            return UNKNOWN;
        }
    }

    private static List<Path> listingFiles(Path contentDir, Problems problems) {
        try (Stream<Path> walk = Files.walk(contentDir)) {
            return walk.filter(Files::isRegularFile)
                    .sorted()
                    .filter(f -> isListing(contentDir, f, problems))
                    .toList();
        } catch (IOException e) {
            problems.error(SourceRef.file(contentDir), "cannot list: " + e.getMessage());
            return List.of();
        }
    }

    /** Whether a file of the content folder is a listing to read: not hidden, not another stage's, a known format. */
    private static boolean isListing(Path contentDir, Path f, Problems problems) {
        if (hidden(contentDir, f) || reserved(contentDir, f)) return false;
        if (Format.of(f) != Format.UNKNOWN) return true;
        problems.warning(SourceRef.file(f), "skipped: not a listing (*.txt, *.json, *.html)");
        return false;
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
