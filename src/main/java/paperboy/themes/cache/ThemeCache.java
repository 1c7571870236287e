package paperboy.themes.cache;

import paperboy.themes.text.AnalysisCache;
import paperboy.themes.text.PaperTerms;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import paperboy.write.AtomicFile;
import paperboy.model.Paper;

/**
 * Each paper's analysis from the previous build, keyed by a 128-bit hash of the title and abstract it was made
 * from, so a build that adds a day analyses only the new papers. Kept beside the site like the build cache
 * ({@code .site.themes} beside {@code site/}). Only a hint: a missing, unreadable, truncated or older file is
 * ignored and everything analysed again; what it holds is exactly what analysis would give, so the result is the
 * same with or without it.
 *
 * <p>It also keeps the model fitted on the fit set ({@link FittedModel}), under a SHA-256 of the fit set's slugs
 * and analysis keys, which of them were clustered and the config, so a build with the same fit set skips the fit.
 *
 * <p>Format: magic, version, a table of strings (UTF-8), then per paper its key and its terms as indices into the
 * table; then 0, or 1, the model's key (32 bytes), its length, a CRC-32C and {@link FittedModel#encode its encoding}; all
 * numbers as unsigned LEB128 varints; a closing magic guards against truncation.
 */
public final class ThemeCache implements AnalysisCache, ModelCache {
    private static final long MAGIC = 0x7062_7468_656d_6573L; // "pbthemes"
    /** Bump whenever analysis, the fitted model or this format changes: an older file is then ignored. */
    static final int VERSION = 3;

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

    /** the model in {@link #file}: its key and where its encoding lies; null key: none */
    private final byte[] modelKey;
    private final int modelStart, modelEnd;
    /** what {@link #find} was last asked for, and what {@link #keep} was then given (null: the model found) */
    private byte[] askedKey;
    private boolean[] askedFit;
    private FittedModel found, kept;
    /** done once the model to keep is known: found, or fitted and {@link #keep kept} */
    private final java.util.concurrent.CompletableFuture<Void> settled = new java.util.concurrent.CompletableFuture<>();

    private ThemeCache(Map<Key, Entry> entries, byte[] file, String[] strings, byte[] modelKey, int modelStart,
                       int modelEnd) {
        this.entries = entries;
        this.file = file;
        this.strings = strings;
        this.modelKey = modelKey;
        this.modelStart = modelStart;
        this.modelEnd = modelEnd;
    }

    static ThemeCache empty() {
        return new ThemeCache(Map.of(), new byte[0], new String[0], null, 0, 0);
    }

    @Override
    public Optional<FittedModel> find(List<Paper> papers, boolean[] fit, boolean[] clustered, String config) {
        MessageDigest sha = sha256();
        sha.update(config.getBytes(StandardCharsets.UTF_8));
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(21);
        for (int i = 0; i < fit.length; i++) {
            if (!fit[i]) continue;
            sha.update((byte) 0); // slugs cannot contain a NUL: one paper's fields end here
            sha.update(papers.get(i).slug().getBytes(StandardCharsets.UTF_8));
            b.clear();
            b.put((byte) 0).putLong(keys[i].a()).putLong(keys[i].b()).putInt(clustered[i] ? 1 : 0);
            sha.update(b.array());
        }
        askedKey = sha.digest();
        askedFit = fit.clone();
        found = kept = null;
        if (modelKey == null || !MessageDigest.isEqual(modelKey, askedKey)) return Optional.empty();
        try {
            Reader in = new Reader(file);
            in.pos = modelStart;
            FittedModel m = FittedModel.decode(in, fit, strings);
            if (in.pos != modelEnd) return Optional.empty();
            found = m;
            settled.complete(null);
            return Optional.of(m);
        } catch (RuntimeException e) {
            return Optional.empty(); // damaged: fit again
        }
    }

    @Override
    public void keep(FittedModel model) {
        kept = model;
        settled.complete(null);
    }

    /**
     * Done when the model to keep is known, so the file can be written while the build goes on; also when none
     * will be ({@link #settle}).
     */
    public java.util.concurrent.CompletableFuture<Void> settled() {
        return settled;
    }

    /** No model is coming (the build did not fit one): write what there is. */
    public void settle() {
        settled.complete(null);
    }

    /** Whether {@link #write} would write a file different from the one read. */
    public boolean changed() {
        return size() != keys.length || hits() != keys.length || kept != null;
    }

    /** The model, unlike an analysis, is many numbers a damaged byte would silently change: it is checksummed. */
    private static long crc(byte[] bytes, int from, int to) {
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(bytes, from, to - from);
        return crc.getValue();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Computes the keys of this build's papers (in parallel); then {@link #get} looks papers up by index. */
    public ThemeCache lookUp(List<Paper> papers) {
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

    public int size() {
        return entries.size();
    }

    /** {@code .site.themes} beside {@code site/}. */
    public static Path location(Path outDir) {
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

    /**
     * MurmurHash3 (x64, 128 bits) of the title's and abstract's UTF-16 code units, four to a word: strong enough
     * that distinct texts do not share a key in any archive, and several times cheaper than a SHA-256 of their UTF-8
     * bytes while the JIT has not yet compiled the latter's intrinsic (a build hashes every paper once, early on).
     */
    public static Key key(String title, String abstractText) {
        Murmur m = new Murmur();
        m.add(title);
        // "no abstract" and "an empty abstract" hash apart, and so do a title/abstract split moved by a character.
        m.word(title.length());
        m.word(abstractText == null ? -1 : abstractText.length());
        if (abstractText != null) m.add(abstractText);
        return m.finish();
    }

    /** MurmurHash3_x64_128 over a stream of 64-bit words. */
    private static final class Murmur {
        private static final long C1 = 0x87c37b91114253d5L, C2 = 0x4cf5ad432745937fL;
        long h1 = 0x9368e53c2f6af274L, h2 = 0x586dcd208f7cd3fdL;
        long pending;
        boolean half;
        long words;
        long carry;
        int carried;

        void add(String s) {
            int n = s.length();
            for (int i = 0; i < n; i++) {
                carry = carry << 16 | s.charAt(i);
                if (++carried == 4) {
                    word(carry);
                    carry = 0;
                    carried = 0;
                }
            }
            if (carried > 0) {
                word(carry << 16 * (4 - carried) | carried);
                carry = 0;
                carried = 0;
            }
        }

        void word(long w) {
            words++;
            if (!half) {
                pending = w;
                half = true;
                return;
            }
            half = false;
            block(pending, w);
        }

        private void block(long k1, long k2) {
            k1 *= C1; k1 = Long.rotateLeft(k1, 31); k1 *= C2; h1 ^= k1;
            h1 = Long.rotateLeft(h1, 27); h1 += h2; h1 = h1 * 5 + 0x52dce729;
            k2 *= C2; k2 = Long.rotateLeft(k2, 33); k2 *= C1; h2 ^= k2;
            h2 = Long.rotateLeft(h2, 31); h2 += h1; h2 = h2 * 5 + 0x38495ab5;
        }

        Key finish() {
            if (half) block(pending, 0x5a5a5a5a5a5a5a5aL);
            h1 ^= words;
            h2 ^= words;
            h1 += h2;
            h2 += h1;
            h1 = fmix(h1);
            h2 = fmix(h2);
            h1 += h2;
            h2 += h1;
            return new Key(h1, h2);
        }

        private static long fmix(long k) {
            k ^= k >>> 33;
            k *= 0xff51afd7ed558ccdL;
            k ^= k >>> 33;
            k *= 0xc4ceb9fe1a85ec53L;
            k ^= k >>> 33;
            return k;
        }
    }

    /** The cache in {@code file}; empty when there is none or it cannot be trusted. */
    public static ThemeCache read(Path file) {
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
            byte[] modelKey = null;
            int modelStart = 0, modelEnd = 0;
            if (in.varint() == 1) {
                modelKey = java.util.Arrays.copyOfRange(in.bytes, in.pos, in.pos + 32);
                in.pos += 32;
                int length = in.count();
                long crc = in.longValue();
                modelStart = in.pos;
                modelEnd = in.pos += length;
                if (crc(in.bytes, modelStart, modelEnd) != crc) return empty();
            }
            if (in.longValue() != MAGIC || in.pos != in.bytes.length) return empty();
            return new ThemeCache(entries, in.bytes, strings, modelKey, modelStart, modelEnd);
        } catch (IOException | RuntimeException e) {
            return empty(); // unreadable or damaged: analyse everything again
        }
    }

    /**
     * Writes the analyses of the papers last {@link #lookUp looked up} (same order) to {@code file}, replacing it
     * whole. Papers found in this cache are copied as they were encoded, after its table of strings; when most
     * were not found, the file is written afresh, so strings of papers gone do not pile up.
     */
    public void write(Path file, PaperTerms[] analysed) throws IOException {
        boolean reuse = hits() * 2 >= keys.length && strings.length > 0;
        Map<String, Integer> ids = new HashMap<>(reuse ? strings.length * 2 : 1 << 16);
        List<String> table = new ArrayList<>(reuse ? strings.length + (1 << 12) : 1 << 16);
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
        FittedModel model = kept != null ? kept : found;
        if (model != null && (kept != null || !reuse)) {
            Writer m = new Writer();
            model.encode(m, askedFit, s -> ids.computeIfAbsent(s, x -> { table.add(x); return table.size() - 1; }));
            body.varint(1);
            body.out.write(askedKey, 0, askedKey.length);
            byte[] bytes = m.out.toByteArray();
            body.varint(bytes.length);
            body.longValue(crc(bytes, 0, bytes.length));
            body.out.write(bytes, 0, bytes.length);
        } else if (model != null) {
            body.varint(1); // the model found, its strings where they were: as it was
            body.out.write(modelKey, 0, modelKey.length);
            body.varint(modelEnd - modelStart);
            body.longValue(crc(this.file, modelStart, modelEnd));
            body.out.write(this.file, modelStart, modelEnd - modelStart);
        } else {
            body.varint(0);
        }
        body.longValue(MAGIC);
        Writer head = new Writer();
        head.longValue(MAGIC);
        head.varint(VERSION);
        head.varint(table.size());
        for (String s : table) head.string(s);
        AtomicFile.write(file, out -> {
            head.out.writeTo(out);
            body.out.writeTo(out);
        });
    }

    static final class Writer {
        final ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);

        void intValue(int v) {
            for (int i = 24; i >= 0; i -= 8) out.write(v >>> i);
        }

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

    static final class Reader {
        final byte[] bytes;
        int pos;

        int intValue() {
            int v = 0;
            for (int i = 0; i < 4; i++) v = v << 8 | (bytes[pos++] & 0xff);
            return v;
        }

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
