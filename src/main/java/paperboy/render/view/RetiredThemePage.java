package paperboy.render.view;

import java.util.List;

/**
 * The page left at a retired theme's URL: where its papers are now.
 *
 * @param retiredOn  the month it was retired, "May 2025"
 * @param successors the themes its papers are in now, most first
 * @param canonical  the main successor's URL (absolute with a base URL, else relative), or the themes list's
 */
public record RetiredThemePage(PageMeta meta, String name, String retiredOn, List<Successor> successors,
                               String canonical, String themesHref) {

    public RetiredThemePage {
        successors = List.copyOf(successors);
    }

    /** A theme that took some of its papers: its page and RSS feed (relative links). */
    public record Successor(String name, String href, String feedHref, int papers) {}
}
