package paperboy.themes.cluster;

import paperboy.themes.text.SparseVector;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * k-means on the unit sphere (cosine similarity), seeded with k-means++ from a fixed seed: the same vectors in
 * the same order always give the same clusters. One Lloyd iteration costs O(nonzeros × k), so fitting is linear
 * in the number of papers; callers fit on a sample when the corpus is large.
 */
public final class SphericalKMeans {
    static final int MAX_ITERATIONS = 40;

    /** Centroids (unit length, dense over the vocabulary) and each vector's cluster and similarity to it. */
    record Model(float[][] centroids, int[] cluster, double[] similarity) {
        int k() {
            return centroids.length;
        }

        /** Mean similarity of the vectors to their centroids: higher is tighter. */
        double cohesion() {
            return Arrays.stream(similarity).average().orElse(0);
        }
    }

    private SphericalKMeans() {}

    static Model fit(List<SparseVector> xs, int dims, int k, long seed) {
        return fit(xs, dims, k, seed, MAX_ITERATIONS);
    }

    /** @param maxIterations a rough fit (a few iterations) is enough to compare values of k */
    static Model fit(List<SparseVector> xs, int dims, int k, long seed, int maxIterations) {
        Random rng = new Random(seed);
        float[][] c = seed(xs, dims, k, rng);
        int n = xs.size();
        int[] cluster = new int[n];
        Arrays.fill(cluster, -1);
        double[] sim = new double[n];
        for (int it = 0; it < maxIterations; it++) {
            boolean changed = assign(xs, c, cluster, sim);
            if (!changed && it > 0) break;
            c = centroids(xs, dims, c.length, cluster, sim);
        }
        return new Model(c, cluster, sim);
    }

    /** Assigns every vector to its most similar centroid (ties to the lower index); true if any moved. */
    static boolean assign(List<SparseVector> xs, float[][] c, int[] cluster, double[] sim) {
        return assign(similarities(xs, c), c.length, cluster, sim);
    }

    /** As {@link #assign(List, float[][], int[], double[])}, from {@link #similarities}. */
    static boolean assign(double[] sims, int k, int[] cluster, double[] sim) {
        boolean changed = false;
        for (int i = 0; i < cluster.length; i++) {
            int best = 0;
            double bestSim = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < k; j++) {
                double s = sims[i * k + j];
                if (s > bestSim) {
                    bestSim = s;
                    best = j;
                }
            }
            if (cluster[i] != best) changed = true;
            cluster[i] = best;
            sim[i] = bestSim;
        }
        return changed;
    }

    /** Vectors above this many are compared with the centroids on all cores. */
    private static final int PARALLEL_FROM = 2000;

    /**
     * Every vector's cosine with every centroid, row-major ({@code [i * k + j]}). The centroids are laid out term by
     * term, so one vector's products with all k centroids read k adjacent floats per term; each sum is taken in
     * term order, exactly as {@link SparseVector#dot(float[])} takes it.
     */
    public static double[] similarities(List<SparseVector> xs, float[][] c) {
        int k = c.length;
        int dims = k == 0 ? 0 : c[0].length;
        float[] byTerm = new float[dims * k];
        for (int j = 0; j < k; j++) for (int t = 0; t < dims; t++) byTerm[t * k + j] = c[j][t];
        int n = xs.size();
        double[] out = new double[n * k];
        java.util.stream.IntStream range = java.util.stream.IntStream.range(0, n);
        (n >= PARALLEL_FROM ? range.parallel() : range).forEach(i -> {
            SparseVector x = xs.get(i);
            int[] ids = x.ids();
            float[] w = x.weights();
            int row = i * k;
            for (int e = 0; e < ids.length; e++) {
                double we = w[e];
                int base = ids[e] * k;
                for (int j = 0; j < k; j++) out[row + j] += we * byTerm[base + j];
            }
        });
        return out;
    }

    /**
     * Mean direction of each cluster. An emptied cluster takes the vector farthest from its own centroid, so k
     * stays k.
     */
    private static float[][] centroids(List<SparseVector> xs, int dims, int k, int[] cluster, double[] sim) {
        int[] size = new int[k];
        for (int cl : cluster) size[cl]++;
        for (int j = 0; j < k; j++) {
            if (size[j] > 0) continue;
            int far = -1;
            for (int i = 0; i < xs.size(); i++) {
                if (size[cluster[i]] > 1 && (far < 0 || sim[i] < sim[far])) far = i;
            }
            if (far < 0) break;
            size[cluster[far]]--;
            cluster[far] = j;
            size[j] = 1;
            sim[far] = 1;
        }
        double[][] sum = new double[k][dims];
        for (int i = 0; i < xs.size(); i++) xs.get(i).addTo(sum[cluster[i]]);
        float[][] out = new float[k][];
        for (int j = 0; j < k; j++) out[j] = unit(sum[j]);
        return out;
    }

    /** k-means++: each next seed is drawn with probability proportional to its squared distance to the nearest seed. */
    private static float[][] seed(List<SparseVector> xs, int dims, int k, Random rng) {
        int n = xs.size();
        float[][] c = new float[k][];
        double[] nearest = new double[n];
        Arrays.fill(nearest, Double.POSITIVE_INFINITY);
        int first = rng.nextInt(n);
        c[0] = dense(xs.get(first), dims);
        for (int j = 1; j < k; j++) {
            double total = 0;
            for (int i = 0; i < n; i++) {
                double d = Math.max(0, 1 - xs.get(i).dot(c[j - 1]));
                nearest[i] = Math.min(nearest[i], d * d);
                total += nearest[i];
            }
            int pick = n - 1;
            if (total > 0) {
                double r = rng.nextDouble() * total;
                for (int i = 0; i < n; i++) {
                    r -= nearest[i];
                    if (r <= 0 && nearest[i] > 0) {
                        pick = i;
                        break;
                    }
                }
            }
            c[j] = dense(xs.get(pick), dims);
        }
        return c;
    }

    private static float[] dense(SparseVector x, int dims) {
        float[] d = new float[dims];
        for (int i = 0; i < x.ids().length; i++) d[x.ids()[i]] = x.weights()[i];
        return d;
    }

    private static float[] unit(double[] v) {
        double norm = 0;
        for (double x : v) norm += x * x;
        norm = Math.sqrt(norm);
        float[] out = new float[v.length];
        if (norm == 0) return out;
        for (int i = 0; i < v.length; i++) out[i] = (float) (v[i] / norm);
        return out;
    }
}
