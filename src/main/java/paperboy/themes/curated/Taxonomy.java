package paperboy.themes.curated;

import java.nio.file.Path;
import java.util.List;
import paperboy.model.SourceRef;

/**
 * The curated themes of {@code content/themes.yml}, in file order (which is also display order).
 *
 * @param file where it was read, for messages
 */
public record Taxonomy(Path file, List<Entry> themes) {
    /** The slug of the theme for papers no other theme claims; a taxonomy may describe it but not rename it. */
    public static final String OTHER_SLUG = "other";

    public Taxonomy {
        themes = List.copyOf(themes);
    }

    /**
     * One curated theme. A paper belongs to it when it is pinned by title, or when a keyword occurs in its title
     * or twice in its abstract (matched on stems, so "masked autoencoders" finds "masked auto-encoder").
     */
    public record Entry(String slug, String name, String description, List<String> keywords, List<Pin> papers,
                        SourceRef at) {
        public Entry {
            keywords = List.copyOf(keywords);
            papers = List.copyOf(papers);
        }
    }

    /** A paper title pinned to a theme, and where it was written. */
    public record Pin(String title, SourceRef at) {}

    public SourceRef at(String slug) {
        return themes.stream().filter(e -> e.slug().equals(slug)).map(Entry::at).findFirst()
                .orElse(SourceRef.file(file));
    }
}
