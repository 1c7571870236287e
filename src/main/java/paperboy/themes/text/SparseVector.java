package paperboy.themes.text;

/** A unit-length TF-IDF vector: term ids ascending, with their weights. */
public record SparseVector(int[] ids, float[] weights) {

    public static final SparseVector EMPTY = new SparseVector(new int[0], new float[0]);

    public boolean isEmpty() {
        return ids.length == 0;
    }

    /** Cosine with another unit vector: a merge over the two sorted id lists. */
    public double dot(SparseVector o) {
        double s = 0;
        int i = 0, j = 0;
        while (i < ids.length && j < o.ids.length) {
            int a = ids[i], b = o.ids[j];
            if (a == b) s += (double) weights[i++] * o.weights[j++];
            else if (a < b) i++;
            else j++;
        }
        return s;
    }

    public double dot(float[] dense) {
        double s = 0;
        for (int i = 0; i < ids.length; i++) s += (double) weights[i] * dense[ids[i]];
        return s;
    }

    public void addTo(double[] dense) {
        for (int i = 0; i < ids.length; i++) dense[ids[i]] += weights[i];
    }
}
