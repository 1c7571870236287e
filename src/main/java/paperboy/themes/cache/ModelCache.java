package paperboy.themes.cache;

import java.util.List;
import java.util.Optional;
import paperboy.model.Paper;

/** The fitted model of an earlier build, reused while the fit set stays the same (see {@link FittedModel}). */
public interface ModelCache {
    ModelCache NONE = new ModelCache() {
        @Override
        public Optional<FittedModel> find(List<Paper> papers, boolean[] fit, boolean[] clustered, String config) {
            return Optional.empty();
        }

        @Override
        public void keep(FittedModel model) {}
    };

    /**
     * The model kept for exactly this fit set (the same papers with the same text, in the same order), the same
     * papers among them clustered (a taxonomy claims the others) and the same config; remembers what it was asked
     * for, so {@link #keep} can file a new model under it.
     */
    Optional<FittedModel> find(List<Paper> papers, boolean[] fit, boolean[] clustered, String config);

    /** Keeps the model fitted for what {@link #find} was last asked, for the next build. */
    void keep(FittedModel model);
}
