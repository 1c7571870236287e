package paperboy.render;

import java.util.Comparator;
import java.util.Map;
import paperboy.model.Paper;

/**
 * The one order of a period's papers, used by every output of a week or month (its page, the weekly e-mail edition
 * and the weekly feeds): most upvotes first where the inputs carry them (the paper's latest count, {@link
 * Paper#upvotes}; a paper without a count after those with one), then most days listed in the period, then first
 * seen, then its place in its first day's listing, then slug.
 * Without any upvotes in the period the first key ties everywhere and the papers rank by the days they were listed.
 */
public final class PeriodRanking {
    private PeriodRanking() {}

    /**
     * @param firstPosition each paper's 1-based place in the listing of the day it was first seen, by slug
     */
    public static Comparator<Paper> of(Period period, java.util.function.ToIntFunction<Paper> firstPosition) {
        return Comparator.comparingInt((Paper x) -> x.upvotes().isPresent() ? -x.upvotes().getAsInt() : 1)
                .thenComparingInt(x -> -daysIn(period, x))
                .thenComparing(Paper::firstSeen)
                .thenComparingInt(firstPosition)
                .thenComparing(Paper::slug);
    }

    /** On how many of the period's days the paper was listed. */
    public static int daysIn(Period period, Paper paper) {
        return (int) paper.days().stream().filter(period::contains).count();
    }
}
