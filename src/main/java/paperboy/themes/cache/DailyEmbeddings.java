package paperboy.themes.cache;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import paperboy.themes.embed.Int8Vector;
import paperboy.write.AtomicFile;

/**
 * The embeddings' part of the daily store ({@link DailyStore}), for builds with sentence embeddings:
 * {@code .site.themes.fit.embed} holds the fit set's mean embedding, the automatic themes' centroids and the curated
 * themes' embedding centroids at the embedding's dimensions, and every fit-set paper's int8 vector (related papers
 * are ranked by them); {@code .site.themes.month.embed} the int8 vectors of the papers placed since the fit, by
 * their text, so a daily build embeds only its new papers. Memory-mapped like the daily store, made for the same
 * {@link DailyStore.Identity}; anything inconsistent makes {@link #open} empty.
 */
public final class DailyEmbeddings {
    private static final int MAGIC = 0x50424445; // "PBDE"
    private static final int VERSION = 1;

    /**
     * What a build hands over to be kept.
     *
     * @param base              the id of the embedding's first dimension in the joined vectors: the vocabulary's size
     * @param mean              the fit set's mean embedding
     * @param autoCentroids     per automatic theme (the fit's order), its centroid at the embedding's dimensions
     * @param curatedSums       per curated theme, its last round's sum of embeddings (empty without a taxonomy)
     * @param fitVectors        the fit set's papers' vectors, in paper order
     */
    public record Contents(DailyStore.Identity identity, int base, float[] mean, float[][] autoCentroids,
                           double[][] curatedSums, double[] curatedNorm2, Int8Vector[] fitVectors) {}

    private final MappedByteBuffer map;
    private final DailyStore.Identity identity;
    private final int base, dimensions, k;
    private final float[] mean;
    private final double[] curatedNorm2;
    private final long autoAt, curatedAt, vectorsAt;
    private final int fitCount;
    /** fit-set vectors read by this store's lookups: for the tests that count work */
    private final AtomicInteger vectorsRead = new AtomicInteger();

    private DailyEmbeddings(MappedByteBuffer map) throws IOException {
        this.map = map;
        if (map.getInt() != MAGIC || map.getInt() != VERSION) throw new IOException("not a daily embeddings store");
        identity = DailyStore.Identity.read(map);
        fitCount = identity.fitCount();
        base = map.getInt();
        dimensions = map.getInt();
        k = map.getInt();
        int kc = map.getInt();
        if (base < 0 || dimensions <= 0 || k < 0 || kc < 0 || fitCount < 0) throw new IOException("bad sizes");
        mean = new float[dimensions];
        map.asFloatBuffer().get(mean);
        map.position(map.position() + dimensions * 4);
        autoAt = map.position();
        map.position(Math.toIntExact(autoAt + (long) dimensions * k * 4));
        curatedNorm2 = new double[kc];
        for (int t = 0; t < kc; t++) curatedNorm2[t] = map.getDouble();
        curatedAt = map.position();
        map.position(Math.toIntExact(curatedAt + (long) dimensions * kc * 8));
        vectorsAt = map.position();
        map.position(Math.toIntExact(vectorsAt + (long) fitCount * (dimensions + 4)));
        if (map.getInt() != MAGIC) throw new IOException("truncated");
    }

    /** {@code .site.themes.fit.embed} beside the theme cache. */
    public static Path location(Path themeCache) {
        return themeCache.resolveSibling(themeCache.getFileName() + ".fit.embed");
    }

    /** {@code .site.themes.month.embed} beside the theme cache. */
    public static Path monthLocation(Path themeCache) {
        return themeCache.resolveSibling(themeCache.getFileName() + ".month.embed");
    }

    /** The store in {@code file}; empty when there is none or it cannot be read. */
    public static Optional<DailyEmbeddings> open(Path file) {
        return DailyStore.open(file, DailyEmbeddings::new);
    }

    public DailyStore.Identity identity() {
        return identity;
    }

    /** The same fit set, settings and fitted model as the daily store's. */
    public boolean madeWith(DailyStore.Identity o) {
        return identity.sameFitSet(o) && Arrays.equals(identity.modelKey(), o.modelKey());
    }

    public int base() {
        return base;
    }

    public int dimensions() {
        return dimensions;
    }

    public float[] mean() {
        return mean.clone();
    }

    /** The automatic themes' centroids at embedding dimension {@code e}, by theme; as many as the daily store's. */
    public float[] autoCentroids(int e) {
        float[] out = new float[k];
        map.slice(Math.toIntExact(autoAt + (long) e * k * 4), k * 4).asFloatBuffer().get(out);
        return out;
    }

    public int autoThemes() {
        return k;
    }

    /** The curated themes' last-round sums of embeddings at dimension {@code e}, by theme. */
    public double[] curatedSums(int e) {
        double[] out = new double[curatedNorm2.length];
        map.slice(Math.toIntExact(curatedAt + (long) e * out.length * 8), out.length * 8).asDoubleBuffer().get(out);
        return out;
    }

    public double[] curatedNorm2() {
        return curatedNorm2.clone();
    }

    /** The vector of the fit set's paper at this position (in paper order). */
    public Int8Vector fitVector(int ordinal) {
        if (ordinal < 0 || ordinal >= fitCount) throw new IllegalStateException("not in the fit set");
        long at = vectorsAt + (long) ordinal * (dimensions + 4);
        byte[] values = new byte[dimensions];
        map.slice(Math.toIntExact(at), dimensions).get(values);
        vectorsRead.incrementAndGet(); // fit vectors are read on several threads
        return new Int8Vector(values, map.getFloat(Math.toIntExact(at + dimensions)));
    }

    /** How many fit-set vectors were read: the work a daily build did in this file. */
    public int vectorsRead() {
        return vectorsRead.get();
    }

    public static void write(Path file, Contents c) throws IOException {
        AtomicFile.write(file, raw -> {
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw, 1 << 16));
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            c.identity().write(out);
            int d = c.mean().length, k = c.autoCentroids().length, kc = c.curatedNorm2().length;
            out.writeInt(c.base());
            out.writeInt(d);
            out.writeInt(k);
            out.writeInt(kc);
            for (float x : c.mean()) out.writeFloat(x);
            for (int e = 0; e < d; e++) for (int j = 0; j < k; j++) out.writeFloat(c.autoCentroids()[j][e]);
            for (double x : c.curatedNorm2()) out.writeDouble(x);
            for (int e = 0; e < d; e++) for (int t = 0; t < kc; t++) out.writeDouble(c.curatedSums()[t][e]);
            for (Int8Vector v : c.fitVectors()) {
                if (v.values().length != d) throw new IOException("vectors of another length");
                out.write(v.values());
                out.writeFloat(v.scale());
            }
            out.writeInt(MAGIC);
            out.flush();
        });
    }

    /** Keeps the vectors of papers outside the fit set, by the theme cache's key of their text. */
    public static void writeMonth(Path file, byte[] modelKey, Map<ThemeCache.Key, Int8Vector> vectors) throws IOException {
        AtomicFile.write(file, raw -> {
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw, 1 << 16));
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.write(modelKey, 0, 32);
            out.writeInt(vectors.size());
            for (Map.Entry<ThemeCache.Key, Int8Vector> e : vectors.entrySet()) {
                out.writeLong(e.getKey().a());
                out.writeLong(e.getKey().b());
                out.writeInt(e.getValue().values().length);
                out.write(e.getValue().values());
                out.writeFloat(e.getValue().scale());
            }
            out.writeInt(MAGIC);
            out.flush();
        });
    }

    /** The vectors {@link #writeMonth} kept for the fitted model {@code modelKey}; empty when none or unreadable. */
    public static Map<ThemeCache.Key, Int8Vector> readMonth(Path file, byte[] modelKey) {
        Map<ThemeCache.Key, Int8Vector> out = new LinkedHashMap<>();
        try {
            if (!Files.isRegularFile(file)) return out;
            ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(file));
            if (in.getInt() != MAGIC || in.getInt() != VERSION) return out;
            byte[] key = new byte[32];
            in.get(key);
            if (!Arrays.equals(key, modelKey)) return out;
            int n = in.getInt();
            for (int i = 0; i < n; i++) {
                ThemeCache.Key k = new ThemeCache.Key(in.getLong(), in.getLong());
                int m = in.getInt();
                if (m < 0 || m > in.remaining()) return new LinkedHashMap<>();
                byte[] values = new byte[m];
                in.get(values);
                out.put(k, new Int8Vector(values, in.getFloat()));
            }
            if (in.getInt() != MAGIC) return new LinkedHashMap<>();
            return out;
        } catch (IOException | RuntimeException e) {
            return new LinkedHashMap<>();
        }
    }
}
