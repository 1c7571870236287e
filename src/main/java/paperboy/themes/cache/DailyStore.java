package paperboy.themes.cache;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import paperboy.themes.text.SparseVector;
import paperboy.write.AtomicFile;

/**
 * What placing a day's new papers into a frozen fit set needs, and nothing else, kept beside the site
 * ({@code .site.themes.fit}) whenever a build fits or keeps the model: the fit set's vocabulary and document
 * frequencies, the automatic themes' centroids and slugs, the curated themes' last-round centroids and the pins the
 * fit set's titles match, and for related papers the fit set's vectors (CSR), its capped postings, and its papers'
 * slugs (sorted: the full assignment's order, which breaks ties) and primary themes (the same-theme bonus), so that
 * a daily build never looks up a paper of the fit set in the archive.
 *
 * <p>Flat arrays of numbers through {@code java.nio}, not CBOR: the file is memory-mapped and a daily build reads
 * only the pages of the terms and candidates it needs (a few MB of a file of about 200 MB at ten years), where
 * CBOR would have to be decoded from the start. Written whole or not at all ({@link AtomicFile}); every read is
 * bounds-checked, and anything inconsistent makes {@link #open} empty (the build then assigns from scratch).
 * Its {@link Identity} names the fit set and the settings it was made for; the reader checks it before use.
 */
public final class DailyStore {
    private static final int MAGIC = 0x50424459; // "PBDY"
    /** Bump whenever what is kept, or how the kept values are computed, changes. */
    private static final int VERSION = 2;

    /**
     * What the data is a function of.
     *
     * @param config    the engine's model config, the mode and the taxonomy's content
     * @param modelKey  the theme cache's key of the fitted model (the fit set's slugs and texts, the papers
     *                  clustered, the config); a full build rewrites the file when it differs
     * @param fitCount  how many papers the fit set has
     * @param fitSlugs  a 128-bit hash of the fit set's slugs and first days, in paper order
     * @param monthStart the first day of the month whose papers are placed (epoch day)
     */
    public record Identity(String config, byte[] modelKey, int fitCount, ThemeCache.Key fitSlugs, long monthStart) {
        public boolean sameFitSet(Identity o) {
            return config.equals(o.config) && fitCount == o.fitCount && fitSlugs.equals(o.fitSlugs)
                    && monthStart == o.monthStart;
        }

        /**
         * What names this store among all a site may have had: a hash of everything it is a function of. The archive
         * state keeps the key of the store its themes came from; a daily build uses the store only under that key.
         */
        public String key() {
            try {
                java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
                DataOutputStream out = new DataOutputStream(bytes);
                write(out);
                out.flush();
                byte[] h = java.security.MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray());
                return java.util.HexFormat.of().formatHex(h, 0, 16);
            } catch (IOException | java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        /** As the daily stores' files begin, after their magic number and version. */
        void write(DataOutputStream out) throws IOException {
            string(out, config);
            out.write(modelKey, 0, 32);
            out.writeInt(fitCount);
            out.writeLong(fitSlugs.a());
            out.writeLong(fitSlugs.b());
            out.writeLong(monthStart);
        }

        static Identity read(ByteBuffer in) {
            String config = string(in);
            byte[] modelKey = new byte[32];
            in.get(modelKey);
            return new Identity(config, modelKey, in.getInt(), new ThemeCache.Key(in.getLong(), in.getLong()),
                    in.getLong());
        }
    }

    /**
     * What a build hands over to be kept. Curated arrays are empty without a taxonomy.
     *
     * @param fitSlugs     the fit set's papers' slugs, in paper order (ascending)
     * @param primaryThemes the slugs {@code fitPrimaries} name
     * @param fitPrimaries per fit-set paper, its primary theme (an index into {@code primaryThemes}, -1: none)
     */
    public record Contents(Identity identity, String[] terms, int[] docFreq, List<String> autoSlugs,
                           float[][] centroids, double[][] curatedSums, double[] curatedNorm2,
                           List<String> pinnedTitles, SparseVector[] fitVectors, int[][] postingDocs,
                           float[][] postingWeights, List<String> fitSlugs, List<String> primaryThemes,
                           int[] fitPrimaries) {}

    private final MappedByteBuffer map;
    private final Identity identity;
    /** the vocabulary's terms one after the other, and where each starts (and the last ends), in chars */
    private final String vocabulary;
    private final int[] termStarts;
    private final int[] docFreq;
    private final List<String> autoSlugs;
    private final List<String> pinnedTitles;
    private final double[] curatedNorm2;
    private final int dims;
    private final long centroidsAt, sumsAt, vectorStartsAt, vectorIdsAt, vectorWeightsAt, postingStartsAt, postingDocsAt,
            postingWeightsAt, primariesAt, slugStartsAt, slugBytesAt;
    private final List<String> primaryThemes;
    private final int fitCount;
    /** pages of the file read by this store's lookups, roughly: for the tests that count work */
    private final AtomicInteger vectorsRead = new AtomicInteger();
    private int postingsRead;

    private DailyStore(MappedByteBuffer map) throws IOException {
        this.map = map;
        if (map.getInt() != MAGIC || map.getInt() != VERSION) throw new IOException("not a daily store");
        identity = Identity.read(map);
        fitCount = identity.fitCount();
        dims = map.getInt();
        vocabulary = string(map);
        termStarts = ints(map, dims + 1);
        for (int t = 0; t < dims; t++) {
            if (termStarts[t] > termStarts[t + 1]) throw new IOException("terms out of order");
        }
        if (termStarts[0] != 0 || termStarts[dims] != vocabulary.length()) throw new IOException("terms past the end");
        docFreq = ints(map, dims);
        int k = map.getInt();
        autoSlugs = strings(map, k);
        centroidsAt = skip(map, (long) dims * k * 4);
        int kc = map.getInt();
        curatedNorm2 = new double[kc];
        for (int t = 0; t < kc; t++) curatedNorm2[t] = map.getDouble();
        sumsAt = skip(map, (long) dims * kc * 8);
        pinnedTitles = strings(map, map.getInt());
        long nnz = map.getLong();
        vectorStartsAt = skip(map, (long) (fitCount + 1) * 8);
        vectorIdsAt = skip(map, nnz * 4);
        vectorWeightsAt = skip(map, nnz * 4);
        long postings = map.getLong();
        postingStartsAt = skip(map, (long) (dims + 1) * 8);
        postingDocsAt = skip(map, postings * 4);
        postingWeightsAt = skip(map, postings * 4);
        primaryThemes = strings(map, map.getInt());
        primariesAt = skip(map, (long) fitCount * 4);
        long slugBytes = map.getLong();
        slugStartsAt = skip(map, (long) (fitCount + 1) * 8);
        slugBytesAt = skip(map, slugBytes);
        if (map.getInt() != MAGIC) throw new IOException("truncated");
        if (map.getLong(at(slugStartsAt + (long) fitCount * 8)) != slugBytes) throw new IOException("inconsistent");
        if (map.getLong(at(vectorStartsAt + (long) fitCount * 8)) != nnz
                || map.getLong(at(postingStartsAt + (long) dims * 8)) != postings) {
            throw new IOException("inconsistent");
        }
    }

    private static int at(long position) {
        return Math.toIntExact(position);
    }

    /** {@code .site.themes.fit} beside the theme cache {@code .site.themes}. */
    public static Path location(Path themeCache) {
        return themeCache.resolveSibling(themeCache.getFileName() + ".fit");
    }

    /** The store in {@code file}; empty when there is none or it cannot be read. */
    public static Optional<DailyStore> open(Path file) {
        return open(file, DailyStore::new);
    }

    /** What reads a daily store's mapped file, failing on anything it cannot trust. */
    interface Reader<T> {
        T read(MappedByteBuffer map) throws IOException;
    }

    /** The file mapped and read by {@code reader}; empty when there is none or it cannot be read. */
    static <T> Optional<T> open(Path file, Reader<T> reader) {
        if (!Files.isRegularFile(file)) return Optional.empty();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            if (ch.size() > Integer.MAX_VALUE) return Optional.empty();
            return Optional.of(reader.read(ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size())));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Just the identity, to tell whether a build needs to write the file again. */
    public static Optional<Identity> identityOf(Path file) {
        return open(file).map(DailyStore::identity);
    }

    public Identity identity() {
        return identity;
    }

    /** How many terms the fit set's vocabulary has. */
    public int dims() {
        return dims;
    }

    /**
     * A term's id in the fit set's vocabulary, or -1: a binary search comparing as {@link String#compareTo} does
     * (the vocabulary is sorted so), over the terms kept as one string, so no term is made a String of its own.
     */
    public int termId(String term) {
        int lo = 0, hi = dims - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = compare(mid, term);
            if (c < 0) lo = mid + 1;
            else if (c > 0) hi = mid - 1;
            else return mid;
        }
        return -1;
    }

    private int compare(int id, String term) {
        int from = termStarts[id], length = termStarts[id + 1] - from, m = Math.min(length, term.length());
        for (int i = 0; i < m; i++) {
            char a = vocabulary.charAt(from + i), b = term.charAt(i);
            if (a != b) return a - b;
        }
        return length - term.length();
    }

    public int[] docFreq() {
        return docFreq;
    }

    /** The slugs of the automatic themes, in the fit's order of themes (as its centroids). */
    public List<String> autoSlugs() {
        return autoSlugs;
    }

    /** The automatic themes' centroids at term t, by theme. */
    public float[] centroids(int term) {
        float[] out = new float[autoSlugs.size()];
        map.slice(at(centroidsAt + (long) term * out.length * 4), out.length * 4).asFloatBuffer().get(out);
        return out;
    }

    /** The curated themes' last-round sums at term t, by theme ({@link paperboy.themes.curated.TaxonomyScorer.Centroids}). */
    public double[] curatedSums(int term) {
        double[] out = new double[curatedNorm2.length];
        map.slice(at(sumsAt + (long) term * out.length * 8), out.length * 8).asDoubleBuffer().get(out);
        return out;
    }

    public double[] curatedNorm2() {
        return curatedNorm2.clone();
    }

    /** The title keys of the fit set's papers that a pin names. */
    public List<String> pinnedTitles() {
        return pinnedTitles;
    }

    public int fitCount() {
        return fitCount;
    }

    /** The vector of the fit set's paper at this position (in paper order). */
    public SparseVector fitVector(int ordinal) {
        long from = map.getLong(at(vectorStartsAt + (long) ordinal * 8)), to = map.getLong(at(vectorStartsAt + (long) (ordinal + 1) * 8));
        int m = Math.toIntExact(to - from);
        int[] ids = new int[m];
        float[] w = new float[m];
        map.slice(at(vectorIdsAt + from * 4), m * 4).asIntBuffer().get(ids);
        map.slice(at(vectorWeightsAt + from * 4), m * 4).asFloatBuffer().get(w);
        for (int e = 0; e < m; e++) {
            if (ids[e] < 0 || ids[e] >= dims) throw new IllegalStateException("a term outside the vocabulary");
        }
        vectorsRead.incrementAndGet(); // fit vectors are read on several threads
        return m == 0 ? SparseVector.EMPTY : new SparseVector(ids, w);
    }

    /** The slug of the fit set's paper at this position (in paper order, which is the slugs' order). */
    public String fitSlug(int ordinal) {
        if (ordinal < 0 || ordinal >= fitCount) throw new IllegalStateException("not in the fit set");
        long from = map.getLong(at(slugStartsAt + (long) ordinal * 8)), to = map.getLong(at(slugStartsAt + (long) (ordinal + 1) * 8));
        if (from < 0 || to < from || to > map.getLong(at(slugStartsAt + (long) fitCount * 8))) {
            throw new IllegalStateException("a slug past the end");
        }
        byte[] b = new byte[Math.toIntExact(to - from)];
        map.get(at(slugBytesAt + from), b);
        return new String(b, StandardCharsets.UTF_8);
    }

    /**
     * How many of the fit set's slugs sort before {@code slug} ({@link String#compareTo}, as papers are ordered):
     * where a paper outside the fit set falls among its papers. Empty when the fit set has this slug itself.
     */
    public java.util.OptionalInt fitSlugsBefore(String slug) {
        int lo = 0, hi = fitCount - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = fitSlug(mid).compareTo(slug);
            if (c < 0) lo = mid + 1;
            else if (c > 0) hi = mid - 1;
            else return java.util.OptionalInt.empty();
        }
        return java.util.OptionalInt.of(lo);
    }

    /** The primary theme of the fit set's paper at this position, as the assignment that wrote the store gave it. */
    public Optional<String> fitPrimary(int ordinal) {
        if (ordinal < 0 || ordinal >= fitCount) throw new IllegalStateException("not in the fit set");
        int t = map.getInt(at(primariesAt + (long) ordinal * 4));
        if (t < -1 || t >= primaryThemes.size()) throw new IllegalStateException("a theme outside the list");
        return t < 0 ? Optional.empty() : Optional.of(primaryThemes.get(t));
    }

    /** A term's capped postings among the fit set: positions in the fit set, and weights; empty arrays: none. */
    public record Posting(int[] docs, float[] weights) {}

    public Posting posting(int term) {
        long from = map.getLong(at(postingStartsAt + (long) term * 8)), to = map.getLong(at(postingStartsAt + (long) (term + 1) * 8));
        int m = Math.toIntExact(to - from);
        int[] docs = new int[m];
        float[] w = new float[m];
        map.slice(at(postingDocsAt + from * 4), m * 4).asIntBuffer().get(docs);
        map.slice(at(postingWeightsAt + from * 4), m * 4).asFloatBuffer().get(w);
        for (int e = 0; e < m; e++) {
            if (docs[e] < 0 || docs[e] >= fitCount) throw new IllegalStateException("a posting outside the fit set");
        }
        postingsRead++;
        return new Posting(docs, w);
    }

    /** How many fit-set vectors and postings lists were read: the work a daily build did in this file. */
    public int vectorsRead() {
        return vectorsRead.get();
    }

    public int postingsRead() {
        return postingsRead;
    }

    public static void write(Path file, Contents c) throws IOException {
        AtomicFile.write(file, raw -> {
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw, 1 << 16));
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            c.identity().write(out);
            int dims = c.terms().length;
            out.writeInt(dims);
            string(out, String.join("", c.terms()));
            Chunk chunk = new Chunk(out);
            int start = 0;
            for (String t : c.terms()) {
                chunk.putInt(start);
                start += t.length();
            }
            chunk.putInt(start);
            for (int f : c.docFreq()) chunk.putInt(f);
            chunk.flush();
            int k = c.autoSlugs().size();
            out.writeInt(k);
            for (String s : c.autoSlugs()) string(out, s);
            for (int t = 0; t < dims; t++) for (int j = 0; j < k; j++) chunk.putFloat(c.centroids()[j][t]);
            chunk.flush();
            int kc = c.curatedNorm2().length;
            out.writeInt(kc);
            for (double v : c.curatedNorm2()) out.writeDouble(v);
            for (int t = 0; t < dims; t++) for (int j = 0; j < kc; j++) chunk.putDouble(c.curatedSums()[j][t]);
            chunk.flush();
            out.writeInt(c.pinnedTitles().size());
            for (String s : c.pinnedTitles()) string(out, s);
            long nnz = 0;
            for (SparseVector v : c.fitVectors()) nnz += v.ids().length;
            out.writeLong(nnz);
            long at = 0;
            for (SparseVector v : c.fitVectors()) {
                chunk.putLong(at);
                at += v.ids().length;
            }
            chunk.putLong(at);
            for (SparseVector v : c.fitVectors()) for (int x : v.ids()) chunk.putInt(x);
            for (SparseVector v : c.fitVectors()) for (float x : v.weights()) chunk.putFloat(x);
            chunk.flush();
            long postings = 0;
            for (int[] d : c.postingDocs()) postings += d == null ? 0 : d.length;
            out.writeLong(postings);
            at = 0;
            for (int[] d : c.postingDocs()) {
                chunk.putLong(at);
                at += d == null ? 0 : d.length;
            }
            chunk.putLong(at);
            for (int[] d : c.postingDocs()) if (d != null) for (int x : d) chunk.putInt(x);
            for (float[] w : c.postingWeights()) if (w != null) for (float x : w) chunk.putFloat(x);
            chunk.flush();
            if (c.fitSlugs().size() != c.identity().fitCount() || c.fitPrimaries().length != c.identity().fitCount()) {
                throw new IOException("a fit set of another size");
            }
            out.writeInt(c.primaryThemes().size());
            for (String s : c.primaryThemes()) string(out, s);
            for (int t : c.fitPrimaries()) chunk.putInt(t);
            chunk.flush();
            List<byte[]> slugs = c.fitSlugs().stream().map(x -> x.getBytes(StandardCharsets.UTF_8)).toList();
            long slugBytes = 0;
            for (byte[] b : slugs) slugBytes += b.length;
            out.writeLong(slugBytes);
            at = 0;
            for (byte[] b : slugs) {
                chunk.putLong(at);
                at += b.length;
            }
            chunk.putLong(at);
            chunk.flush();
            for (byte[] b : slugs) out.write(b);
            out.writeInt(MAGIC);
            out.flush();
        });
    }

    /** {@code .site.themes.month} beside the theme cache: the vectors of the papers placed since the fit. */
    public static Path monthLocation(Path themeCache) {
        return themeCache.resolveSibling(themeCache.getFileName() + ".month");
    }

    /**
     * Keeps the vectors of papers outside the fit set (the latest month's), by the theme cache's key of their
     * text, for the fit set of {@code modelKey}: a vector is a function of the text and the fit set's vocabulary.
     */
    public static void writeMonth(Path file, byte[] modelKey, java.util.Map<ThemeCache.Key, SparseVector> vectors)
            throws IOException {
        AtomicFile.write(file, raw -> {
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw, 1 << 16));
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.write(modelKey, 0, 32);
            out.writeInt(vectors.size());
            Chunk chunk = new Chunk(out);
            for (java.util.Map.Entry<ThemeCache.Key, SparseVector> e : vectors.entrySet()) {
                chunk.putLong(e.getKey().a());
                chunk.putLong(e.getKey().b());
                SparseVector v = e.getValue();
                chunk.putInt(v.ids().length);
                chunk.putInts(v.ids());
                chunk.putFloats(v.weights());
            }
            chunk.flush();
            out.writeInt(MAGIC);
            out.flush();
        });
    }

    /** The vectors {@link #writeMonth} kept for the fit set of {@code modelKey}; empty when none or unreadable. */
    public static java.util.Map<ThemeCache.Key, SparseVector> readMonth(Path file, byte[] modelKey, int dims) {
        java.util.Map<ThemeCache.Key, SparseVector> out = new java.util.LinkedHashMap<>();
        try {
            if (!Files.isRegularFile(file)) return out;
            ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(file));
            byte[] key = new byte[32];
            if (in.getInt() != MAGIC || in.getInt() != VERSION) return out;
            in.get(key);
            if (!Arrays.equals(key, modelKey)) return out;
            int n = in.getInt();
            for (int i = 0; i < n; i++) {
                ThemeCache.Key k = new ThemeCache.Key(in.getLong(), in.getLong());
                int m = in.getInt();
                if (m < 0 || (long) m * 8 > in.remaining()) return new java.util.LinkedHashMap<>();
                int[] ids = new int[m];
                float[] w = new float[m];
                in.asIntBuffer().get(ids);
                in.position(in.position() + m * 4);
                in.asFloatBuffer().get(w);
                in.position(in.position() + m * 4);
                for (int e = 0; e < m; e++) {
                    if (ids[e] < 0 || ids[e] >= dims || (e > 0 && ids[e] <= ids[e - 1])) return new java.util.LinkedHashMap<>();
                }
                out.put(k, m == 0 ? SparseVector.EMPTY : new SparseVector(ids, w));
            }
            if (in.getInt() != MAGIC) return new java.util.LinkedHashMap<>();
            return out;
        } catch (IOException | RuntimeException e) {
            return new java.util.LinkedHashMap<>();
        }
    }

    /** Numbers into a buffer, written out when full: a stream call per number would dominate the write. */
    private static final class Chunk {
        final OutputStream out;
        final ByteBuffer b = ByteBuffer.allocate(1 << 16);

        Chunk(OutputStream out) {
            this.out = out;
        }

        void room(int n) throws IOException {
            if (b.remaining() < n) flush();
        }

        void putInt(int x) throws IOException {
            room(4);
            b.putInt(x);
        }

        void putFloat(float x) throws IOException {
            room(4);
            b.putFloat(x);
        }

        void putLong(long x) throws IOException {
            room(8);
            b.putLong(x);
        }

        void putInts(int[] xs) throws IOException {
            for (int from = 0; from < xs.length; ) {
                room(4);
                int m = Math.min(xs.length - from, b.remaining() / 4);
                b.asIntBuffer().put(xs, from, m);
                b.position(b.position() + m * 4);
                from += m;
            }
        }

        void putFloats(float[] xs) throws IOException {
            for (int from = 0; from < xs.length; ) {
                room(4);
                int m = Math.min(xs.length - from, b.remaining() / 4);
                b.asFloatBuffer().put(xs, from, m);
                b.position(b.position() + m * 4);
                from += m;
            }
        }

        void putDouble(double x) throws IOException {
            room(8);
            b.putDouble(x);
        }

        void flush() throws IOException {
            out.write(b.array(), 0, b.position());
            b.clear();
        }
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String string(ByteBuffer in) {
        int n = in.getInt();
        if (n < 0 || n > in.remaining()) throw new IllegalStateException("a string past the end");
        byte[] b = new byte[n];
        in.get(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private static List<String> strings(ByteBuffer in, int n) {
        if (n < 0 || n > in.remaining()) throw new IllegalStateException("a list past the end");
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(string(in));
        return List.copyOf(out);
    }

    private static int[] ints(ByteBuffer in, int n) {
        if (n < 0 || (long) n * 4 > in.remaining()) throw new IllegalStateException("numbers past the end");
        int[] out = new int[n];
        in.asIntBuffer().get(out);
        in.position(in.position() + n * 4);
        return out;
    }

    /** The position of a section of {@code bytes}, skipped. */
    private static long skip(ByteBuffer in, long bytes) {
        if (bytes < 0 || bytes > in.remaining()) throw new IllegalStateException("a section past the end");
        long at = in.position();
        in.position(Math.toIntExact(at + bytes));
        return at;
    }
}
