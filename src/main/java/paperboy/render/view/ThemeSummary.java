package paperboy.render.view;

import java.util.List;

/**
 * One theme in the list of themes.
 *
 * @param sparkline   SVG polyline points of papers per day (summed into at most 100 points), oldest first, in a
 *                    100 × 20 box; empty on a numbered page of older papers
 * @param perDayLabel a short summary of the same for screen readers and tooltips ("120 papers over 365 days,
 *                    peak 7 on Mar 3, 2025")
 */
public record ThemeSummary(String slug, String name, String description, String href, int paperCount,
                           boolean curated, List<String> keywords, String sparkline, String perDayLabel,
                           int peak) {}
