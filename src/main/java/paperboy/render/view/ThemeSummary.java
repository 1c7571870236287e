package paperboy.render.view;

import java.util.List;

/**
 * One theme in the list of themes.
 *
 * @param sparkline   SVG polyline points of papers per day, oldest day first, in a 100 × 20 box
 * @param perDayLabel the same counts as text ("Mar 9: 3, Mar 10: 5"), for screen readers and tooltips
 */
public record ThemeSummary(String slug, String name, String description, String href, int paperCount,
                           boolean curated, List<String> keywords, String sparkline, String perDayLabel,
                           int peak) {}
