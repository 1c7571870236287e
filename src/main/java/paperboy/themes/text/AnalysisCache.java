package paperboy.themes.text;

import java.util.Optional;
import paperboy.model.Paper;

/** Per-paper analyses kept from an earlier build, looked up by the text they were made from. */
public interface AnalysisCache {
    AnalysisCache NONE = (index, paper) -> Optional.empty();

    /** The analysis of exactly this paper's title and abstract, if known; must be thread-safe. */
    Optional<PaperTerms> get(int index, Paper paper);
}
