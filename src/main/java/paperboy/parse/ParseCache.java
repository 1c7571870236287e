package paperboy.parse;

import paperboy.write.CacheFile;
import paperboy.write.OutputFolder;
import paperboy.problems.Severity;
import paperboy.problems.Problem;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import paperboy.model.SourceRef;

/**
 * What each listing file parsed into last time, by its path and content hash, so a build that adds one day parses
 * one file. An entry keeps the file's problems too: a file read from the cache reports exactly what parsing it
 * would.
 *
 * <p>Kept beside the site as {@code .SITE.parsed} ({@link CacheFile}; never published). Only ever a hint: a file that is
 * missing, damaged, of another format version or made by another paperboy build or parser setting is ignored,
 * and every file is parsed. Written with the entries the build used, so removed files drop out.
 */
public final class ParseCache {
    /** 3: entries carry their upvotes (an older cache is a miss, so its files are parsed again). */
    static final CacheFile FILE = new CacheFile("paperboy-parse-cache", 3);

    /** The snapshots a file parsed into and the problems parsing it reported. */
    public record Entry(List<Snapshot> snapshots, List<Problem> problems) {
        public Entry {
            snapshots = List.copyOf(snapshots);
            problems = List.copyOf(problems);
        }
    }

    private record Keyed(String sha, Entry entry) {}

    private final String identity;
    private final boolean enabled;
    private final Map<String, Keyed> previous;
    private final Map<String, Keyed> used = new ConcurrentHashMap<>();
    private final AtomicInteger reused = new AtomicInteger();

    private ParseCache(String identity, boolean enabled, Map<String, Keyed> previous) {
        this.identity = identity;
        this.enabled = enabled;
        this.previous = previous;
    }

    /** No cache: every file is parsed, nothing is kept. */
    public static ParseCache none() {
        return new ParseCache("", false, Map.of());
    }

    /** Where the parse cache of the site at {@code outDir} lives: {@code .site.parsed} beside {@code site/}. */
    public static Path location(Path outDir) {
        return OutputFolder.beside(outDir, ".parsed");
    }

    /**
     * The cache at {@code file}, trusted only if it was written under the same {@code identity} (paperboy's build
     * and the parser's settings); otherwise an empty cache that still records this build's files.
     */
    public static ParseCache read(Path file, Path contentDir, String identity) {
        Map<String, Keyed> entries = FILE.read(file, identity, in -> entries(in, contentDir)).orElse(Map.of());
        return new ParseCache(identity, true, entries);
    }

    boolean enabled() {
        return enabled;
    }

    /** The entry of the file at {@code path} (relative to the content folder) if its content hash is {@code sha}. */
    Optional<Entry> get(String path, String sha) {
        Keyed k = previous.get(path);
        if (k == null || !k.sha().equals(sha)) return Optional.empty();
        used.put(path, k);
        reused.incrementAndGet();
        return Optional.of(k.entry());
    }

    /** How many files this build took from the cache instead of parsing them. */
    public int reused() {
        return reused.get();
    }

    /** How many files the cache read from disk holds. */
    int reusable() {
        return previous.size();
    }

    /** Records what the file at {@code path} with content hash {@code sha} parsed into, for the next build. */
    void put(String path, String sha, Entry entry) {
        if (enabled) used.put(path, new Keyed(sha, entry));
    }

    /** Writes the entries of the files this build read, atomically (temporary file, then rename). */
    public void write(Path file, Path contentDir) throws IOException {
        if (!enabled) return;
        FILE.write(file, identity, g -> {
            g.writeStartArray();
            for (Map.Entry<String, Keyed> e : new TreeMap<>(used).entrySet()) {
                Path self = contentDir.resolve(e.getKey());
                g.writeStartArray();
                g.writeString(e.getKey());
                g.writeString(e.getValue().sha());
                g.writeStartArray();
                for (Snapshot s : e.getValue().entry().snapshots()) {
                    g.writeStartArray();
                    g.writeString(path(s.file(), self));
                    g.writeString(s.date().toString());
                    g.writeStartArray();
                    for (RawEntry r : s.entries()) {
                        g.writeStartArray();
                        g.writeString(r.title());
                        g.writeString(r.abstractText().orElse(null));
                        where(g, r.titleAt(), self);
                        g.writeString(r.arxivId().orElse(null));
                        CacheFile.writeStrings(g, r.authors());
                        if (r.upvotes().isPresent()) g.writeNumber(r.upvotes().getAsInt());
                        else g.writeNull();
                        g.writeEndArray();
                    }
                    g.writeEndArray();
                    g.writeEndArray();
                }
                g.writeEndArray();
                g.writeStartArray();
                for (Problem pr : e.getValue().entry().problems()) {
                    g.writeStartArray();
                    where(g, pr.where(), self);
                    g.writeString(pr.severity().name());
                    g.writeString(pr.message());
                    g.writeEndArray();
                }
                g.writeEndArray();
                g.writeEndArray();
            }
            g.writeEndArray();
        });
    }

    /** The listing file itself is written as "", so the cache holds no absolute paths and survives a moved folder. */
    private static String path(Path p, Path self) {
        return p.equals(self) ? "" : p.toString();
    }

    private static Path path(String s, Path self) {
        return s.isEmpty() ? self : Path.of(s);
    }

    private static void where(JsonGenerator g, SourceRef at, Path self) throws IOException {
        g.writeString(path(at.file(), self));
        g.writeNumber(at.line());
        g.writeNumber(at.column());
    }

    private static SourceRef where(CacheFile.In in, Path self) throws IOException {
        return new SourceRef(path(in.string(), self), in.integer(), in.integer());
    }

    /** Reads what {@link #write} wrote. */
    private static Map<String, Keyed> entries(CacheFile.In in, Path contentDir) throws IOException {
        Map<String, Keyed> entries = new ConcurrentHashMap<>();
        in.array();
        while (in.nextArray()) {
            String path = in.string();
            String sha = in.string();
            Path self = contentDir.resolve(path);
            List<Snapshot> snapshots = new ArrayList<>();
            in.array();
            while (in.nextArray()) {
                Path file = path(in.string(), self);
                LocalDate date = LocalDate.parse(in.string());
                List<RawEntry> raw = new ArrayList<>();
                in.array();
                while (in.nextArray()) {
                    String title = in.string();
                    Optional<String> abs = Optional.ofNullable(in.string());
                    SourceRef at = where(in, self);
                    Optional<String> arxiv = Optional.ofNullable(in.string());
                    raw.add(new RawEntry(title, abs, at, arxiv, in.strings(), in.optionalInteger()));
                    in.end();
                }
                snapshots.add(new Snapshot(file, date, raw));
                in.end();
            }
            List<Problem> problems = new ArrayList<>();
            in.array();
            while (in.nextArray()) {
                SourceRef at = where(in, self);
                Severity severity = Severity.valueOf(in.string());
                problems.add(new Problem(at, severity, in.string()));
                in.end();
            }
            in.end();
            entries.put(path, new Keyed(sha, new Entry(snapshots, problems)));
        }
        return entries;
    }
}
