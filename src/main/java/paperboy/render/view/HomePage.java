package paperboy.render.view;

import java.util.List;

/** The home page: the latest day in full (null on an empty digest), then recent days. */
public record HomePage(PageMeta meta, DayPage latest, List<DayRef> recentDays, int dayCount, int paperCount) {}
