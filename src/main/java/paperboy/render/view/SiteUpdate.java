package paperboy.render.view;

import java.util.List;

/**
 * When the site was last updated and from what: the latest listing day and the input files it was read from.
 * Made from the content, never the clock, so a build stays reproducible; shown on the home page only, which
 * changes with every new day anyway.
 *
 * @param iso     the latest listing day, YYYY-MM-DD
 * @param label   that day as pages show it
 * @param sources the names of the files that day was read from, in the order they were merged
 */
public record SiteUpdate(String iso, String label, List<String> sources) {
    public SiteUpdate {
        sources = List.copyOf(sources);
    }
}
