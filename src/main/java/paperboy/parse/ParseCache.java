package paperboy.parse;

import paperboy.write.AtomicFile;
import paperboy.problems.Severity;
import paperboy.problems.Problem;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
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
 * <p>Kept beside the site as {@code .SITE.parsed} (CBOR; never published). Only ever a hint: a file that is
 * missing, damaged, of another format version or made by another paperboy build or parser setting is ignored,
 * and every file is parsed. Written with the entries the build used, so removed files drop out.
 */
public final class ParseCache {
    /** 2: entries carry their upvotes (a version 1 cache is a miss, so its files are parsed again). */
    static final int VERSION = 2;
    private static final CBORFactory CBOR = new CBORFactory();

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
        Path target = outDir.toAbsolutePath().normalize();
        Path parent = target.getParent() == null ? target : target.getParent();
        return parent.resolve("." + target.getFileName() + ".parsed");
    }

    /**
     * The cache at {@code file}, trusted only if it was written under the same {@code identity} (paperboy's build
     * and the parser's settings); otherwise an empty cache that still records this build's files.
     */
    public static ParseCache read(Path file, Path contentDir, String identity) {
        Map<String, Keyed> entries = Map.of();
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file); JsonParser p = CBOR.createParser(in)) {
                entries = new Reader(p, contentDir).cache(identity);
            } catch (IOException | RuntimeException e) {
                entries = Map.of(); // damaged or foreign: parse everything
            }
        }
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
        AtomicFile.write(file, out -> {
            try (JsonGenerator g = CBOR.createGenerator(out)) {
                g.writeStartObject();
                g.writeNumberField("version", VERSION);
                g.writeStringField("identity", identity);
                g.writeFieldName("files");
                g.writeStartArray();
                Map<String, Keyed> sorted = new TreeMap<>(used);
                for (Map.Entry<String, Keyed> e : sorted.entrySet()) {
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
                            g.writeStartArray();
                            for (String a : r.authors()) g.writeString(a);
                            g.writeEndArray();
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
                g.writeNumberField("count", sorted.size()); // last: a file cut short is not trusted
                g.writeEndObject();
            }
        });
    }

    /** The listing file itself is written as "", so the cache holds no absolute paths and survives a moved folder. */
    private static String path(Path p, Path self) {
        return p.equals(self) ? "" : p.toString();
    }

    private static void where(JsonGenerator g, SourceRef at, Path self) throws IOException {
        g.writeString(path(at.file(), self));
        g.writeNumber(at.line());
        g.writeNumber(at.column());
    }

    /** Reads what {@link #write} wrote, failing on anything else. */
    private static final class Reader {
        private final JsonParser p;
        private final Path contentDir;

        Reader(JsonParser p, Path contentDir) {
            this.p = p;
            this.contentDir = contentDir;
        }

        Map<String, Keyed> cache(String identity) throws IOException {
            expect(JsonToken.START_OBJECT);
            field("version");
            if (p.nextToken() != JsonToken.VALUE_NUMBER_INT || p.getIntValue() != VERSION) return Map.of();
            field("identity");
            if (!identity.equals(string())) return Map.of();
            field("files");
            expect(JsonToken.START_ARRAY);
            Map<String, Keyed> entries = new ConcurrentHashMap<>();
            while (p.nextToken() == JsonToken.START_ARRAY) {
                String path = string();
                String sha = string();
                Path self = contentDir.resolve(path);
                List<Snapshot> snapshots = new ArrayList<>();
                expect(JsonToken.START_ARRAY);
                while (p.nextToken() == JsonToken.START_ARRAY) {
                    Path file = path(string(), self);
                    LocalDate date = LocalDate.parse(string());
                    List<RawEntry> raw = new ArrayList<>();
                    expect(JsonToken.START_ARRAY);
                    while (p.nextToken() == JsonToken.START_ARRAY) {
                        String title = string();
                        Optional<String> abs = Optional.ofNullable(string());
                        SourceRef at = where(self);
                        Optional<String> arxiv = Optional.ofNullable(string());
                        List<String> authors = new ArrayList<>();
                        expect(JsonToken.START_ARRAY);
                        while (p.nextToken() == JsonToken.VALUE_STRING) authors.add(p.getText());
                        closed();
                        OptionalInt upvotes = optionalInteger();
                        expect(JsonToken.END_ARRAY);
                        raw.add(new RawEntry(title, abs, at, arxiv, authors, upvotes));
                    }
                    closed();
                    expect(JsonToken.END_ARRAY);
                    snapshots.add(new Snapshot(file, date, raw));
                }
                closed();
                List<Problem> problems = new ArrayList<>();
                expect(JsonToken.START_ARRAY);
                while (p.nextToken() == JsonToken.START_ARRAY) {
                    SourceRef at = where(self);
                    Severity severity = Severity.valueOf(string());
                    problems.add(new Problem(at, severity, string()));
                    expect(JsonToken.END_ARRAY);
                }
                closed();
                expect(JsonToken.END_ARRAY);
                entries.put(path, new Keyed(sha, new Entry(snapshots, problems)));
            }
            closed();
            field("count");
            if (p.nextToken() != JsonToken.VALUE_NUMBER_INT || p.getIntValue() != entries.size()) return Map.of();
            expect(JsonToken.END_OBJECT);
            return entries;
        }

        private static Path path(String s, Path self) {
            return s.isEmpty() ? self : Path.of(s);
        }

        private SourceRef where(Path self) throws IOException {
            Path file = path(string(), self);
            return new SourceRef(file, integer(), integer());
        }

        private String string() throws IOException {
            JsonToken t = p.nextToken();
            if (t == JsonToken.VALUE_NULL) return null;
            if (t != JsonToken.VALUE_STRING) throw new IOException("expected a string, found " + t);
            return p.getText();
        }

        private int integer() throws IOException {
            if (p.nextToken() != JsonToken.VALUE_NUMBER_INT) throw new IOException("expected a number");
            return p.getIntValue();
        }

        private OptionalInt optionalInteger() throws IOException {
            JsonToken t = p.nextToken();
            if (t == JsonToken.VALUE_NULL) return OptionalInt.empty();
            if (t != JsonToken.VALUE_NUMBER_INT) throw new IOException("expected a number or null");
            return OptionalInt.of(p.getIntValue());
        }

        private void field(String name) throws IOException {
            if (p.nextToken() != JsonToken.FIELD_NAME || !p.currentName().equals(name)) {
                throw new IOException("expected " + name);
            }
        }

        private void expect(JsonToken token) throws IOException {
            if (p.nextToken() != token) throw new IOException("expected " + token);
        }

        /** The array just read must have ended here. */
        private void closed() throws IOException {
            if (p.currentToken() != JsonToken.END_ARRAY) throw new IOException("expected the end of an array");
        }
    }
}
