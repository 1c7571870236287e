package paperboy.render.view;

import java.util.List;

/**
 * The listings of one day that share a primary theme, shown as one section of the day page.
 *
 * @param anchor id of the section on the page ({@code theme-<slug>}), for the theme index at the top
 * @param href   the theme's own page
 */
public record DaySection(String slug, String name, String anchor, String href, List<ListingView> listings) {}
