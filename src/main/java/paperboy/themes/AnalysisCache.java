package paperboy.themes;

import java.util.Optional;

/** Per-paper analyses kept from an earlier build, looked up by the text they were made from. */
interface AnalysisCache {
    AnalysisCache NONE = (title, abs) -> Optional.empty();

    /** The analysis of exactly this title and abstract (null: none), if known; must be thread-safe. */
    Optional<PaperTerms> get(String title, String abstractText);
}
