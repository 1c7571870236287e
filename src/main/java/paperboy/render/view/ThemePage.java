package paperboy.render.view;

import java.util.List;

/**
 * One page of a theme's papers, newest first-seen first.
 *
 * @param previous link to the page before, null on the first
 * @param next     link to the page after, null on the last
 */
public record ThemePage(PageMeta meta, ThemeSummary theme, List<PaperRef> papers, int pageNumber, int pageCount,
                        int firstIndex, String previous, String next, String themesHref) {}
