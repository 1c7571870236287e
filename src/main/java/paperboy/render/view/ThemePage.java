package paperboy.render.view;

import java.util.List;

/**
 * One page of a theme's papers, newest first.
 *
 * @param pageNumber 0 for the theme's own page (its newest papers), else the slice number counted from the oldest
 * @param lastIndex  the number of the newest paper on the page, counting the theme's oldest paper as 1 (the list
 *                   counts down from it, so a paper keeps its number as papers are added)
 * @param previous   link to the page of newer papers, null on the theme's own page
 * @param next       link to the page of older papers, null on the page of the oldest
 */
public record ThemePage(PageMeta meta, ThemeSummary theme, List<PaperRef> papers, int pageNumber, int lastIndex,
                        String previous, String next, String themesHref) {}
