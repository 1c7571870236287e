package paperboy.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import paperboy.model.Paper;
import paperboy.model.SourceRef;

/** The order of a week's or month's papers: upvotes where known, else the days listed, then a stable key. */
class PeriodRankingTest {
    static final LocalDate MON = LocalDate.of(2025, 3, 10);
    static final Period WEEK = new Period(Period.Kind.WEEK, "2025-W11", MON, MON.plusDays(6), List.of());

    static Paper paper(String slug, int daysListed, Integer upvotes) {
        List<LocalDate> days = Stream.iterate(MON, d -> d.plusDays(1)).limit(daysListed).toList();
        return new Paper(slug, slug, Optional.empty(), days, 0, 0, List.of(), List.of(), SourceRef.of(Path.of("x"), 1),
                Optional.empty(), List.of(), upvotes == null ? OptionalInt.empty() : OptionalInt.of(upvotes));
    }

    static List<String> ranked(Paper... papers) {
        return Stream.of(papers).sorted(PeriodRanking.of(WEEK, x -> 0)).map(Paper::slug).toList();
    }

    @Test
    void withUpvotesTheMostUpvotedLeadsWhateverTheDaysListed() {
        assertThat(ranked(paper("steady", 5, 3), paper("viral", 1, 250), paper("liked", 2, 40), paper("none", 4, 0)))
                .containsExactly("viral", "liked", "steady", "none");
    }

    @Test
    void papersWithoutACountComeAfterThoseWithOneAndRankByTheDaysListed() {
        assertThat(ranked(paper("quiet-long", 3, null), paper("zero", 1, 0), paper("quiet-short", 1, null)))
                .containsExactly("zero", "quiet-long", "quiet-short");
    }

    @Test
    void withoutUpvotesTheDaysListedRankAsBeforeAndTiesFallToTheSlug() {
        assertThat(ranked(paper("b", 2, null), paper("a", 2, null), paper("c", 4, null), paper("d", 1, null)))
                .containsExactly("c", "a", "b", "d");
    }

    @Test
    void daysOutsideThePeriodDoNotCount() {
        Paper lateRepeats = new Paper("late", "late", Optional.empty(),
                List.of(MON.plusDays(6), MON.plusDays(7), MON.plusDays(8)), 0, 0, List.of(), List.of(),
                SourceRef.of(Path.of("x"), 1), Optional.empty(), List.of());
        assertThat(PeriodRanking.daysIn(WEEK, lateRepeats)).isEqualTo(1);
        assertThat(ranked(lateRepeats, paper("twice", 2, null))).containsExactly("twice", "late");
    }
}
