package paperboy.themes.cache;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import paperboy.model.Paper;
import paperboy.themes.cluster.FittedModel;

/**
 * The fitted model of an earlier build, reused while the fit set stays the same (see {@link FittedModel}), and
 * the theme lineage's state at month boundaries (see {@link LineageState}), reused while the papers before the
 * boundary stay the same.
 */
public interface ModelCache {
    ModelCache NONE = new ModelCache() {
        @Override
        public Optional<FittedModel> find(List<Paper> papers, boolean[] fit, boolean[] clustered, String config) {
            return Optional.empty();
        }

        @Override
        public void keep(FittedModel model) {}

        @Override
        public Optional<byte[][]> boundaryKeys(List<Paper> papers, int[] order, int[] ends, List<LocalDate> boundaries,
                                               String config) {
            return Optional.empty();
        }

        @Override
        public Optional<LineageState> boundary(byte[] key) {
            return Optional.empty();
        }

        @Override
        public void keepBoundary(byte[] key, LineageState state) {}
    };

    /**
     * The model kept for exactly this fit set (the same papers with the same text, in the same order), the same
     * papers among them clustered (a taxonomy claims the others) and the same config; remembers what it was asked
     * for, so {@link #keep} can file a new model under it.
     */
    Optional<FittedModel> find(List<Paper> papers, boolean[] fit, boolean[] clustered, String config);

    /** Keeps the model fitted for what {@link #find} was last asked, for the next build. */
    void keep(FittedModel model);

    /**
     * The keys of the lineage's states at its month boundaries: {@code keys[b]} stands for the papers
     * {@code order[0 .. ends[b])} (each with its slug, first day and text), the boundary {@code boundaries[b]} and the
     * config. Empty when nothing is kept between builds.
     *
     * @param order the lineage's papers (build indices) by first day, then slug
     */
    Optional<byte[][]> boundaryKeys(List<Paper> papers, int[] order, int[] ends, List<LocalDate> boundaries, String config);

    /** The lineage state an earlier build kept under this key. */
    Optional<LineageState> boundary(byte[] key);

    /** Keeps a lineage state for the next build; the states kept replace those read. */
    void keepBoundary(byte[] key, LineageState state);
}
