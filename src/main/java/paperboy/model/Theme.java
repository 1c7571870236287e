package paperboy.model;

import java.util.List;

/**
 * A group of papers on one topic.
 *
 * @param paperSlugs members for which this is the primary or a secondary theme, newest first-seen first
 * @param keywords   the terms that characterise it, most distinctive first
 * @param curated    true when it comes from content/themes.yml rather than clustering
 */
public record Theme(String slug, String name, String description, List<String> paperSlugs,
                    List<String> keywords, boolean curated) {

    public Theme {
        paperSlugs = paperSlugs instanceof Lazy ? paperSlugs : List.copyOf(paperSlugs);
        keywords = List.copyOf(keywords);
    }

    /** This theme with {@code newest} (newest first) as its newest members, before the ones it had (not copied). */
    public Theme withNewest(List<String> newest) {
        return newest.isEmpty() ? this
                : new Theme(slug, name, description, new Newest(newest, paperSlugs).asList(), keywords, curated);
    }
}
