package paperboy.themes.cache;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import paperboy.model.Paper;
import paperboy.text.Hash128;
import paperboy.themes.cluster.FittedModel;
import paperboy.themes.embed.Int8Vector;
import paperboy.themes.embed.VectorStore;
import paperboy.themes.text.AnalysisCache;
import paperboy.themes.text.PaperTerms;
import paperboy.write.CacheFile;

/**
 * What the themes of the previous build can hand to the next, kept beside the site like the build cache
 * ({@code .site.themes} beside {@code site/}, CBOR, never published):
 * <ul>
 *   <li>each paper's analysis, keyed by a 128-bit hash of the title and abstract it was made from ({@link #key}),
 *       so a build that adds a day analyses only the new papers;</li>
 *   <li>the model fitted on the fit set ({@link FittedModel}), under a SHA-256 of the fit set's slugs and analysis
 *       keys, which of them were clustered and the config, so a build with the same fit set skips the fit;</li>
 *   <li>the theme lineage's state at some month boundaries ({@link LineageState}), under a SHA-256 of the papers
 *       before the boundary, so a build that starts a month resumes the lineage instead of regrowing it.</li>
 * </ul>
 * Only a hint: a missing, unreadable, truncated, damaged or older file is ignored and everything done again; what
 * it holds is exactly what the work would give, so the result is the same with or without it.
 *
 * <p>Format: a {@link CacheFile} (header, checksum) whose body is an array of {@code strings} (the terms and
 * spellings, once each), {@code papers} (per paper its key and its terms as indices into the strings),
 * {@code modelKey} and {@code model} (or null; the model is decoded only when a build asks for that key) and
 * {@code lineage}.
 */
public final class ThemeCache implements AnalysisCache, ModelCache, VectorStore {
    /** Bump whenever analysis, the fitted model, the lineage or this format changes: an older file is then ignored. */
    static final CacheFile FILE = new CacheFile("paperboy-theme-cache", 7);

    /** A 128-bit hash of a paper's title and abstract ({@link #key}). */
    public record Key(long a, long b) {}

    /**
     * One paper's analysis, and its terms as written in the file: per term its id and its spelling's id among the
     * strings, and {@code count << 1 | inTitle}; kept to write the entry again as it was.
     */
    private record Entry(PaperTerms terms, int[] encoded) {}

    private final Map<Key, Entry> entries;
    /** the strings of the file read */
    private final String[] strings;
    /** per paper of the build, its key, once {@link #lookUp} has run */
    private Key[] keys;
    private final AtomicInteger hits = new AtomicInteger();

    /** the model in the file read, its key and its encoding (decoded only when asked for); null key: none */
    private final byte[] modelKey;
    private final CacheFile.Later model;
    /** what {@link #find} was last asked for, and what {@link #keep} was then given (null: the model found) */
    private byte[] askedKey;
    private boolean[] askedFit;
    private FittedModel found, kept;
    /** done once the model to keep is known: found, or fitted and {@link #keep kept} */
    private final CompletableFuture<Void> settled = new CompletableFuture<>();

    /** the lineage states read, and those this build keeps (null: it kept none, those read stay) */
    private final Map<Digest, LineageState> lineage;
    private Map<Digest, LineageState> keptLineage;

    /** the sentence embeddings read (int8), the model that made them (null: none) */
    private final Vectors vectorsRead;
    /** per paper of the build, its embedding, found or kept; the model asked for (null: none asked) */
    private Int8Vector[] paperVectors;
    private String vectorModel;
    /** other texts' embeddings used by this build (curated themes' descriptions) */
    private final Map<Key, Int8Vector> textVectors = new LinkedHashMap<>();
    private boolean vectorsKept;

    /** Embeddings by text key, all made by one model. */
    private record Vectors(String model, Map<Key, Int8Vector> byKey) {
        static final Vectors NONE = new Vectors(null, Map.of());
    }

    /** A SHA-256, as a map key. */
    private record Digest(byte[] bytes) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Digest d && Arrays.equals(bytes, d.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }
    }

    private ThemeCache(Map<Key, Entry> entries, String[] strings, byte[] modelKey, CacheFile.Later model,
                       Map<Digest, LineageState> lineage, Vectors vectors) {
        this.vectorsRead = vectors;
        this.entries = entries;
        this.strings = strings;
        this.modelKey = modelKey;
        this.model = model;
        this.lineage = lineage;
    }

    static ThemeCache empty() {
        return new ThemeCache(Map.of(), new String[0], null, null, Map.of(), Vectors.NONE);
    }

    @Override
    public Optional<FittedModel> find(List<Paper> papers, boolean[] fit, boolean[] clustered, String config) {
        MessageDigest sha = sha256();
        sha.update(config.getBytes(StandardCharsets.UTF_8));
        ByteBuffer b = ByteBuffer.allocate(21);
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
            found = model.read(in -> ModelCodec.read(in, fit, strings));
            settled.complete(null);
            return Optional.of(found);
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // inconsistent with this build: fit again
        }
    }

    /** The key of the model {@link #find} was last asked for: the fit set's slugs and texts, the papers clustered, the config. */
    public Optional<byte[]> askedModelKey() {
        return Optional.ofNullable(askedKey).map(byte[]::clone);
    }

    /** The analysis key of the build's paper at {@code index}, once {@link #lookUp} has run. */
    public Key keyOf(int index) {
        return keys[index];
    }

    @Override
    public void keep(FittedModel model) {
        kept = model;
        settled.complete(null);
    }

    @Override
    public Optional<byte[][]> boundaryKeys(List<Paper> papers, int[] order, int[] ends, List<LocalDate> boundaries,
                                           String config) {
        MessageDigest sha = sha256();
        sha.update(config.getBytes(StandardCharsets.UTF_8));
        ByteBuffer b = ByteBuffer.allocate(25);
        byte[][] out = new byte[ends.length][];
        int o = 0;
        for (int e = 0; e < ends.length; e++) {
            for (; o < ends[e]; o++) {
                Paper p = papers.get(order[o]);
                sha.update((byte) 0); // slugs cannot contain a NUL: one paper's fields end here
                sha.update(p.slug().getBytes(StandardCharsets.UTF_8));
                b.clear();
                b.put((byte) 0).putLong(p.firstSeen().toEpochDay()).putLong(keys[order[o]].a()).putLong(keys[order[o]].b());
                sha.update(b.array());
            }
            try {
                MessageDigest upTo = (MessageDigest) sha.clone();
                upTo.update((byte) 1);
                upTo.update(boundaries.get(e).toString().getBytes(StandardCharsets.UTF_8));
                out[e] = upTo.digest();
            } catch (CloneNotSupportedException x) {
                throw new IllegalStateException("the JDK's SHA-256 can be cloned", x);
            }
        }
        return Optional.of(out);
    }

    @Override
    public Optional<LineageState> boundary(byte[] key) {
        return Optional.ofNullable(lineage.get(new Digest(key)));
    }

    @Override
    public synchronized void keepBoundary(byte[] key, LineageState state) {
        if (keptLineage == null) keptLineage = new LinkedHashMap<>();
        keptLineage.put(new Digest(key.clone()), state);
    }

    /**
     * Done when the model to keep is known, so the file can be written while the build goes on; also when none
     * will be ({@link #settle}).
     */
    public CompletableFuture<Void> settled() {
        return settled;
    }

    /** No model is coming (the build did not fit one): write what there is. */
    public void settle() {
        settled.complete(null);
    }

    /** Whether {@link #write} would write a file different from the one read. */
    public boolean changed() {
        return size() != keys.length || hits() != keys.length || kept != null
                || (keptLineage != null && !keptLineage.keySet().equals(lineage.keySet()))
                || vectorsKept || (vectorModel != null && vectorsToWrite().byKey().size() != vectorsRead.byKey().size());
    }

    @Override
    public Optional<Int8Vector> vector(String modelId, int index, Paper paper) {
        vectorModel = modelId;
        if (!modelId.equals(vectorsRead.model())) return Optional.empty();
        Int8Vector v = vectorsRead.byKey().get(keys[index]);
        if (v != null) paperVectors[index] = v;
        return Optional.ofNullable(v);
    }

    @Override
    public void keep(String modelId, int index, Paper paper, Int8Vector vector) {
        vectorModel = modelId;
        vectorsKept = true;
        paperVectors[index] = vector;
    }

    @Override
    public Optional<Int8Vector> vector(String modelId, String text) {
        vectorModel = modelId;
        if (!modelId.equals(vectorsRead.model())) return Optional.empty();
        Key k = textKey(text);
        Int8Vector v = vectorsRead.byKey().get(k);
        if (v != null) textVectors.put(k, v);
        return Optional.ofNullable(v);
    }

    @Override
    public void keep(String modelId, String text, Int8Vector vector) {
        vectorModel = modelId;
        vectorsKept = true;
        textVectors.put(textKey(text), vector);
    }

    /** A text that is not a paper's: keyed apart from any paper's title and abstract (no title is a NUL). */
    private static Key textKey(String text) {
        return key("\0", text);
    }

    /**
     * The embeddings to keep: this build's papers' and texts' when it used embeddings; else those read for this
     * build's papers, so a build with embeddings off does not throw away what the next one with them needs.
     */
    private Vectors vectorsToWrite() {
        Map<Key, Int8Vector> out = new LinkedHashMap<>();
        for (int i = 0; i < keys.length; i++) {
            Int8Vector v = vectorModel != null ? paperVectors[i] : vectorsRead.byKey().get(keys[i]);
            if (v != null) out.putIfAbsent(keys[i], v);
        }
        if (vectorModel != null) textVectors.forEach(out::putIfAbsent);
        return new Vectors(vectorModel != null ? vectorModel : vectorsRead.model(), out);
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
        paperVectors = new Int8Vector[k.length];
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
     * that distinct texts do not share a key in any archive. Not SHA-256 (as the model's and the lineage's keys,
     * which hash little): every build hashes every paper, early, with the quick JIT the relaunched build runs with,
     * which does not use SHA-256's CPU instructions. Measured on 128,000 papers (251 MB of text, as the ten-year
     * archive) on the 2-core machine under load, with {@code -XX:TieredStopAtLevel=1}, three runs each alternating:
     * SHA-256 of the UTF-8 bytes 14.6 to 19.3 s, this 2.2 to 3.2 s (with the optimising JIT, once warm, both 1.1 s),
     * while the whole themes phase of a new day at ten years took 13.1 s idle.
     */
    public static Key key(String title, String abstractText) {
        Hash128 m = new Hash128();
        m.add(title);
        // "no abstract" and "an empty abstract" hash apart, and so do a title/abstract split moved by a character.
        m.word(title.length());
        m.word(abstractText == null ? -1 : abstractText.length());
        if (abstractText != null) m.add(abstractText);
        Hash128.Value v = m.finish();
        return new Key(v.a(), v.b());
    }

    /**
     * A 128-bit hash of the slugs and first days of {@code papers[i]} where {@code which[i]}, in order: which papers a
     * fit set has, in one pass over slugs alone (the texts are not read).
     */
    public static Key slugsKey(List<Paper> papers, boolean[] which) {
        Hash128 m = new Hash128();
        for (int i = 0; i < which.length; i++) {
            if (!which[i]) continue;
            Paper p = papers.get(i);
            m.add(p.slug());
            m.word(p.slug().length());
            m.word(p.firstSeen().toEpochDay());
        }
        Hash128.Value v = m.finish();
        return new Key(v.a(), v.b());
    }

    /** The cache in {@code file}; empty when there is none or it cannot be trusted. */
    public static ThemeCache read(Path file) {
        return FILE.read(file, "", ThemeCache::body).orElseGet(ThemeCache::empty);
    }

    /**
     * Writes the analyses of the papers last {@link #lookUp looked up} (same order) to {@code file}, replacing it
     * whole, with the model and the lineage states of this build. When most papers were found, the strings of
     * the file read are kept (so its entries are written as they were read); otherwise the strings are collected
     * afresh, so strings of papers gone do not pile up.
     */
    public void write(Path file, PaperTerms[] analysed) throws IOException {
        boolean reuse = hits() * 2 >= keys.length && strings.length > 0;
        Strings table = new Strings(reuse ? strings : new String[0]);
        int[][] encoded = new int[keys.length][];
        for (int i = 0; i < keys.length; i++) {
            Entry old = reuse ? entries.get(keys[i]) : null;
            encoded[i] = old != null ? old.encoded() : encode(analysed[i], table);
        }
        FittedModel model = kept != null ? kept : found;
        int[][] modelIds = model == null ? null : ModelCodec.stringIds(model, table::id);
        Map<Digest, LineageState> states = keptLineage != null ? keptLineage : lineage;
        Vectors vectors = vectorsToWrite();
        FILE.write(file, "", g -> {
            g.writeStartArray(null, 6);
            CacheFile.writeStrings(g, table.list);
            g.writeStartArray(null, keys.length);
            for (int i = 0; i < keys.length; i++) {
                PaperTerms p = analysed[i];
                g.writeStartArray(null, 4);
                g.writeBinary(ByteBuffer.allocate(16).putLong(keys[i].a()).putLong(keys[i].b()).array());
                g.writeArray(encoded[i], 0, encoded[i].length);
                g.writeArray(p.titleStems(), 0, p.titleStems().length);
                g.writeArray(p.abstractStems(), 0, p.abstractStems().length);
                g.writeEndArray();
            }
            g.writeEndArray();
            if (model == null) g.writeNull();
            else g.writeBinary(askedKey);
            if (model == null) g.writeNull();
            else ModelCodec.write(g, model, askedFit, modelIds);
            g.writeStartArray(null, states.size());
            for (Map.Entry<Digest, LineageState> e : states.entrySet()) {
                LineageState s = e.getValue();
                g.writeStartArray(null, 5);
                g.writeBinary(e.getKey().bytes());
                CacheFile.writeStrings(g, s.names());
                g.writeStartArray(null, s.keywords().size());
                for (List<String> k : s.keywords()) CacheFile.writeStrings(g, k);
                g.writeEndArray();
                g.writeArray(s.themeOf(), 0, s.themeOf().length);
                g.writeStartArray(null, s.retired().size());
                for (LineageState.Retired r : s.retired()) {
                    g.writeStartArray(null, 3);
                    g.writeString(r.name());
                    g.writeString(r.month().toString());
                    CacheFile.writeStrings(g, r.paperSlugs());
                    g.writeEndArray();
                }
                g.writeEndArray();
                g.writeEndArray();
            }
            g.writeEndArray();
            writeVectors(g, vectors);
            g.writeEndArray();
        });
    }

    /** [model, dimensions, count, bytes]: per vector its 16-byte key, its scale (a float) and a byte per dimension. */
    private static void writeVectors(JsonGenerator g, Vectors v) throws IOException {
        int dims = v.byKey().isEmpty() ? 0 : v.byKey().values().iterator().next().values().length;
        g.writeStartArray(null, 4);
        g.writeString(v.model());
        g.writeNumber(dims);
        g.writeNumber(v.byKey().size());
        ByteBuffer b = ByteBuffer.allocate(v.byKey().size() * (20 + dims));
        v.byKey().forEach((k, x) -> b.putLong(k.a()).putLong(k.b()).putFloat(x.scale()).put(x.values()));
        g.writeBinary(b.array());
        g.writeEndArray();
    }

    private static Vectors readVectors(CacheFile.In in) throws IOException {
        in.array();
        String model = in.string();
        int dims = in.integer(), count = in.integer();
        if (dims < 0 || count < 0 || (long) count * (20 + dims) > Integer.MAX_VALUE) throw new IOException("bad vectors");
        ByteBuffer b = ByteBuffer.wrap(in.bytes(count * (20 + dims)));
        Map<Key, Int8Vector> byKey = new HashMap<>(count * 2);
        for (int i = 0; i < count; i++) {
            Key k = new Key(b.getLong(), b.getLong());
            float scale = b.getFloat();
            byte[] values = new byte[dims];
            b.get(values);
            byKey.put(k, new Int8Vector(values, scale));
        }
        in.end();
        return model == null ? Vectors.NONE : new Vectors(model, byKey);
    }

    private static int[] encode(PaperTerms p, Strings table) {
        int m = p.terms().length;
        int[] out = new int[3 * m];
        for (int t = 0; t < m; t++) {
            out[3 * t] = table.id(p.terms()[t]);
            out[3 * t + 1] = table.id(p.surfaces()[t]);
            out[3 * t + 2] = p.counts()[t] << 1 | (p.inTitle()[t] ? 1 : 0);
        }
        return out;
    }

    static void strings(JsonGenerator g, List<String> list) throws IOException {
        g.writeStartArray(null, list.size());
        for (String s : list) g.writeString(s);
        g.writeEndArray();
    }

    /** The strings of the file being written, each once, by id. */
    private static final class Strings {
        final List<String> list;
        final Map<String, Integer> ids;

        Strings(String[] start) {
            list = new ArrayList<>(Math.max(start.length + (1 << 12), 1 << 16));
            ids = new HashMap<>(Math.max(start.length * 2, 1 << 16));
            list.addAll(Arrays.asList(start));
            for (int i = 0; i < start.length; i++) ids.putIfAbsent(start[i], i);
        }

        int id(String s) {
            Integer id = ids.get(s);
            if (id != null) return id;
            ids.put(s, list.size());
            list.add(s);
            return list.size() - 1;
        }
    }

    /** Reads the body {@link #write} wrote, failing on anything else. */
    private static ThemeCache body(CacheFile.In in) throws IOException {
        in.array();
        String[] strings = in.strings().toArray(new String[0]);
        Map<Key, Entry> entries = new HashMap<>();
        in.array();
        while (in.nextArray()) {
            ByteBuffer k = ByteBuffer.wrap(in.bytes(16));
            Key key = new Key(k.getLong(), k.getLong());
            int[] encoded = in.ints();
            if (encoded.length % 3 != 0) throw new IOException("three numbers per term");
            int m = encoded.length / 3;
            String[] terms = new String[m], surfaces = new String[m];
            int[] counts = new int[m];
            boolean[] inTitle = new boolean[m];
            for (int t = 0; t < m; t++) {
                terms[t] = strings[encoded[3 * t]];
                surfaces[t] = strings[encoded[3 * t + 1]];
                counts[t] = encoded[3 * t + 2] >>> 1;
                inTitle[t] = (encoded[3 * t + 2] & 1) != 0;
            }
            int[] title = in.indices(m), abs = in.indices(m);
            in.end();
            entries.put(key, new Entry(new PaperTerms(terms, counts, inTitle, surfaces, title, abs), encoded));
        }
        byte[] modelKey = in.optionalBytes(32);
        CacheFile.Later model = in.later().orElse(null);
        if ((modelKey == null) != (model == null)) throw new IOException("a model key without a model, or the reverse");
        Map<Digest, LineageState> lineage = new LinkedHashMap<>();
        in.array();
        while (in.nextArray()) {
            byte[] key = in.bytes(32);
            List<String> names = in.strings();
            List<List<String>> keywords = new ArrayList<>();
            in.array();
            while (in.more()) keywords.add(in.strings());
            int[] themeOf = in.ints();
            List<LineageState.Retired> retired = new ArrayList<>();
            in.array();
            while (in.nextArray()) {
                String name = in.string();
                YearMonth month = YearMonth.parse(in.string());
                retired.add(new LineageState.Retired(name, month, in.strings()));
                in.end();
            }
            in.end();
            lineage.put(new Digest(key), new LineageState(names, keywords, themeOf, retired));
        }
        Vectors vectors = readVectors(in);
        in.end();
        return new ThemeCache(entries, strings, modelKey, model, lineage, vectors);
    }
}
