package paperboy.render.view;

import java.util.List;

/** All themes with their sizes; empty when themes are off. */
public record ThemesPage(PageMeta meta, List<ThemeSummary> themes, int paperCount, int dayCount) {}
