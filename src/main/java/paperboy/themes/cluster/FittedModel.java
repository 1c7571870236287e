package paperboy.themes.cluster;

import paperboy.themes.text.Corpus;

import java.util.List;

/**
 * Everything the themes take from the fit set alone (see {@link paperboy.themes.text.FitSet}): the vocabulary and
 * weights, the themes fitted on it with their names, and the fit set's related papers (its papers' candidates are
 * the fit set alone). A build whose fit set, clustered papers and bounds on k are those of the previous build
 * takes this from the theme cache instead of fitting again: within a month, adding a day then costs only the new
 * papers.
 *
 * <p>Papers are corpus indices of the current build (the cache keeps them as positions within the fit set, so a
 * model read back applies to the build that reads it).
 *
 * @param related per corpus index, the related papers of a fit-set paper; null for the others
 */
public record FittedModel(Corpus.Vocabulary vocabulary, AutoClustering.Fit clusters, List<Named> names, int[][] related) {

    /** A fitted theme's name, keywords and typical members (corpus indices, closest first), as the build shows them. */
    public record Named(String name, List<String> keywords, int[] typical) {}
}
