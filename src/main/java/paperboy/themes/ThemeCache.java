package paperboy.themes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import paperboy.model.Paper;

/**
 * Each paper's analysis from the previous build, keyed by a SHA-256 of the title and abstract it was made from,
 * so a build that adds a day analyses only the new papers. Kept beside the site like the build cache
 * ({@code .site.themes} beside {@code site/}). Only a hint: a missing, unreadable, truncated or older file is
 * ignored and everything analysed again; what it holds is exactly what analysis would give, so the result is the
 * same with or without it.
 *
 * <p>Format: magic, version, a table of strings (UTF-8), then per paper its key and its terms as indices into the
 * table, all numbers as unsigned LEB128 varints; a closing magic guards against truncation.
 */
final class ThemeCache implements AnalysisCache {
    private static final long MAGIC = 0x7062_7468_656d_6573L; // "pbthemes"
    /** Bump whenever analysis or this format changes: an older file is then ignored. */
    static final int VERSION = 1;

    private record Key(long a, long b) {}

    /** One paper's analysis and where its encoding lies in {@link #file}, to copy as it is into the next file. */
    private record Entry(PaperTerms terms, int start, int end) {}

    private final Map<Key, Entry> entries;
    /** the file read, and its table of strings (which a rewrite keeps, so copied entries stay valid) */
    private final byte[] file;
    private final String[] strings;
    /** per paper of the build, its key, once {@link #lookUp} has run */
    private Key[] keys;
    private final java.util.concurrent.atomic.AtomicInteger hits = new java.util.concurrent.atomic.AtomicInteger();

    private ThemeCache(Map<Key, Entry> entries, byte[] file, String[] strings) {
        this.entries = entries;
        this.file = file;
        this.strings = strings;
    }

    static ThemeCache empty() {
        return new ThemeCache(Map.of(), new byte[0], new String[0]);
    }

    /** Computes the keys of this build's papers (in parallel); then {@link #get} looks papers up by index. */
    ThemeCache lookUp(List<Paper> papers) {
        Key[] k = new Key[papers.size()];
        IntStream.range(0, k.length).parallel()
                .forEach(i -> k[i] = key(papers.get(i).title(), papers.get(i).abstractRaw().orElse(null)));
        keys = k;
        return this;
    }

    /** How many lookups found their paper. */
    int hits() {
        return hits.get();
    }

    int size() {
        return entries.size();
    }

    /** {@code .site.themes} beside {@code site/}. */
    static Path location(Path outDir) {
        Path target = outDir.toAbsolutePath().normalize();
        Path parent = target.getParent() == null ? target : target.getParent();
        return parent.resolve("." + target.getFileName() + ".themes");
    }

    @Override
    public Optional<PaperTerms> get(int index, Paper paper) {
        Entry found = entries.get(keys[index]);
        if (found == null) return Optional.empty();
        hits.incrementAndGet();
        return Optional.of(found.terms());
    }

    private static Key key(String title, String abstractText) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(title.getBytes(StandardCharsets.UTF_8));
            // The title cannot contain a NUL; "no abstract" and "an empty abstract" hash apart.
            sha.update(abstractText == null ? new byte[] {0} : new byte[] {0, 1});
            if (abstractText != null) sha.update(abstractText.getBytes(StandardCharsets.UTF_8));
            byte[] h = sha.digest();
            long a = 0, b = 0;
            for (int i = 0; i < 8; i++) {
                a = a << 8 | (h[i] & 0xff);
                b = b << 8 | (h[8 + i] & 0xff);
            }
            return new Key(a, b);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The cache in {@code file}; empty when there is none or it cannot be trusted. */
    static ThemeCache read(Path file) {
        try {
            if (!Files.isRegularFile(file)) return empty();
            Reader in = new Reader(Files.readAllBytes(file));
            if (in.longValue() != MAGIC || in.varint() != VERSION) return empty();
            String[] strings = new String[in.count()];
            for (int i = 0; i < strings.length; i++) strings[i] = in.string();
            int n = in.count();
            Map<Key, Entry> entries = new HashMap<>(n * 2);
            for (int e = 0; e < n; e++) {
                Key key = new Key(in.longValue(), in.longValue());
                int start = in.pos;
                int m = in.count();
                String[] terms = new String[m], surfaces = new String[m];
                int[] counts = new int[m];
                boolean[] inTitle = new boolean[m];
                for (int t = 0; t < m; t++) {
                    terms[t] = strings[in.varint()];
                    surfaces[t] = strings[in.varint()];
                    int c = in.varint();
                    counts[t] = c >>> 1;
                    inTitle[t] = (c & 1) != 0;
                }
                int[] title = in.indices(m), abs = in.indices(m);
                entries.put(key, new Entry(new PaperTerms(terms, counts, inTitle, surfaces, title, abs), start, in.pos));
            }
            if (in.longValue() != MAGIC || in.pos != in.bytes.length) return empty();
            return new ThemeCache(entries, in.bytes, strings);
        } catch (IOException | RuntimeException e) {
            return empty(); // unreadable or damaged: analyse everything again
        }
    }

    /**
     * Writes the analyses of the papers last {@link #lookUp looked up} (same order) to {@code file}, replacing it
     * whole. Papers found in this cache are copied as they were encoded, after its table of strings; when most
     * were not found, the file is written afresh, so strings of papers gone do not pile up.
     */
    void write(Path file, PaperTerms[] analysed) throws IOException {
        boolean reuse = hits() * 2 >= keys.length && strings.length > 0;
        Map<String, Integer> ids = new HashMap<>();
        List<String> table = new ArrayList<>();
        if (reuse) {
            table.addAll(List.of(strings));
            for (int i = 0; i < strings.length; i++) ids.putIfAbsent(strings[i], i);
        }
        Writer body = new Writer();
        body.varint(keys.length);
        for (int i = 0; i < keys.length; i++) {
            PaperTerms p = analysed[i];
            body.longValue(keys[i].a());
            body.longValue(keys[i].b());
            Entry old = reuse ? entries.get(keys[i]) : null;
            if (old != null) {
                body.out.write(this.file, old.start(), old.end() - old.start());
                continue;
            }
            body.varint(p.terms().length);
            for (int t = 0; t < p.terms().length; t++) {
                body.varint(ids.computeIfAbsent(p.terms()[t], s -> { table.add(s); return table.size() - 1; }));
                body.varint(ids.computeIfAbsent(p.surfaces()[t], s -> { table.add(s); return table.size() - 1; }));
                body.varint(p.counts()[t] << 1 | (p.inTitle()[t] ? 1 : 0));
            }
            body.indices(p.titleStems());
            body.indices(p.abstractStems());
        }
        body.longValue(MAGIC);
        Writer head = new Writer();
        head.longValue(MAGIC);
        head.varint(VERSION);
        head.varint(table.size());
        for (String s : table) head.string(s);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (var out = Files.newOutputStream(tmp)) {
            head.out.writeTo(out);
            body.out.writeTo(out);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static final class Writer {
        final ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);

        void varint(int v) {
            while ((v & ~0x7f) != 0) {
                out.write((v & 0x7f) | 0x80);
                v >>>= 7;
            }
            out.write(v);
        }

        void longValue(long v) {
            for (int i = 56; i >= 0; i -= 8) out.write((int) (v >>> i));
        }

        void string(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            varint(b.length);
            out.write(b, 0, b.length);
        }

        void indices(int[] a) {
            varint(a.length);
            for (int v : a) varint(v);
        }
    }

    private static final class Reader {
        final byte[] bytes;
        int pos;

        Reader(byte[] bytes) {
            this.bytes = bytes;
        }

        /** A count of things still to read, each at least a byte: a damaged file cannot ask for a huge array. */
        int count() {
            int n = varint();
            if (n > bytes.length - pos) throw new IllegalStateException("count beyond the end of the file");
            return n;
        }

        int varint() {
            int v = 0;
            for (int shift = 0; shift < 35; shift += 7) {
                byte b = bytes[pos++];
                v |= (b & 0x7f) << shift;
                if (b >= 0) {
                    if (v < 0) throw new IllegalStateException("negative count");
                    return v;
                }
            }
            throw new IllegalStateException("varint too long");
        }

        long longValue() {
            long v = 0;
            for (int i = 0; i < 8; i++) v = v << 8 | (bytes[pos++] & 0xff);
            return v;
        }

        String string() {
            int n = count();
            String s = new String(bytes, pos, n, StandardCharsets.UTF_8);
            pos += n;
            return s;
        }

        /** A list of indices, each below {@code bound}. */
        int[] indices(int bound) {
            int[] a = new int[count()];
            for (int i = 0; i < a.length; i++) {
                a[i] = varint();
                if (a[i] >= bound) throw new IllegalStateException("index out of range");
            }
            return a;
        }
    }
}
