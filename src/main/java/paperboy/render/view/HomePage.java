package paperboy.render.view;

import java.util.List;

/**
 * The home page: the latest day in full (null on an empty digest), then recent days.
 *
 * @param digests the latest weekly and monthly digests; empty on an empty digest
 * @param updated the latest day and its input files; null on an empty digest
 */
public record HomePage(PageMeta meta, DayPage latest, List<DayRef> recentDays, int dayCount, int paperCount,
                       List<PeriodPage.PeriodRef> digests, SiteUpdate updated) {}
