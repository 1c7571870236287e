package paperboy.parse;

import paperboy.problems.Problem;
import paperboy.problems.Problems;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SnapshotParserTest {
    static final Path FILE = Path.of("content/x.txt");
    static final String ABSTRACT_A = "We study things. They are interesting and we show it with experiments.";
    static final String ABSTRACT_B = "Another abstract. It also has several sentences, as abstracts do.";

    final Problems problems = new Problems();

    Optional<Snapshot> parse(String text, OptionalInt year) {
        return new SnapshotParser(year).parse(FILE, text.getBytes(StandardCharsets.UTF_8), problems);
    }

    Snapshot parseOk(String text) {
        Optional<Snapshot> s = parse(text, OptionalInt.of(2025));
        assertThat(problems.hasErrors()).as(problems.sorted().toString()).isFalse();
        return s.orElseThrow();
    }

    List<String> messages() {
        return problems.sorted().stream().map(Problem::toString).toList();
    }

    static String listing(String eol, String... lines) {
        return String.join(eol, lines) + eol;
    }

    static final String SEED_LIKE = listing("\n", "new", "", "Get trending papers in your email inbox!", "", "Subscribe", "",
            "Daily Papers", "", "byAK and the research community", "", "Mar 13", "", "Title A", "", ABSTRACT_A, "",
            "Title B", "", ABSTRACT_B);

    @Test
    void readsHeaderDateAndPairs() {
        Snapshot s = parseOk(SEED_LIKE);
        assertThat(s.date()).isEqualTo(LocalDate.of(2025, 3, 13));
        assertThat(s.entries()).extracting(RawEntry::title).containsExactly("Title A", "Title B");
        assertThat(s.entries().get(0).abstractText()).contains(ABSTRACT_A);
        assertThat(s.entries().get(0).titleAt().line()).isEqualTo(13);
        assertThat(s.entries().get(1).titleAt().line()).isEqualTo(17);
        assertThat(problems.sorted()).isEmpty();
    }

    @Nested
    class Noise {
        @Test
        void bomCrlfTrailingSpacesNbspAndBlankRuns() {
            String noisy = "\uFEFF" + listing("\r\n", "new  ", "", "", "", "Subscribe\t", "Mar\u00A013  ", "", "", "",
                    "Title\u00A0A   ", "  " + ABSTRACT_A + " ", "", "", "", "", "Title  B", ABSTRACT_B + "\u00A0");
            Snapshot s = parseOk(noisy);
            assertThat(s.date()).isEqualTo(LocalDate.of(2025, 3, 13));
            assertThat(s.entries()).extracting(RawEntry::title).containsExactly("Title A", "Title B");
            assertThat(s.entries()).extracting(e -> e.abstractText().orElseThrow()).containsExactly(ABSTRACT_A, ABSTRACT_B);
            assertThat(problems.sorted()).isEmpty();
        }

        @Test
        void loneCarriageReturnsEndLinesToo() {
            Snapshot s = parseOk(listing("\r", "Mar 13", "Title A", ABSTRACT_A));
            assertThat(s.entries()).hasSize(1);
        }

        @Test
        void zeroWidthCharactersAreRemoved() {
            Snapshot s = parseOk(listing("\n", "Mar 13", "Ti\u200Btle A", ABSTRACT_A));
            assertThat(s.entries().get(0).title()).isEqualTo("Title A");
        }
    }

    @Nested
    class Dates {
        @Test
        void dateWithYearNeedsNoConfiguredYear() {
            Snapshot s = parse(listing("\n", "Mar 16, 2025", "Title A", ABSTRACT_A), OptionalInt.empty()).orElseThrow();
            assertThat(s.date()).isEqualTo(LocalDate.of(2025, 3, 16));
        }

        @Test
        void isoDate() {
            Snapshot s = parse(listing("\n", "2025-03-16", "Title A", ABSTRACT_A), OptionalInt.empty()).orElseThrow();
            assertThat(s.date()).isEqualTo(LocalDate.of(2025, 3, 16));
        }

        @Test
        void yearOnTheLineWinsOverTheConfiguredYear() {
            Snapshot s = parse(listing("\n", "March 16 2024", "Title A", ABSTRACT_A), OptionalInt.of(2025)).orElseThrow();
            assertThat(s.date()).isEqualTo(LocalDate.of(2024, 3, 16));
        }

        @Test
        void yearlessDateTakesTheConfiguredYear() {
            Snapshot s = parse(listing("\n", "Aug 7", "Title A", ABSTRACT_A), OptionalInt.of(2023)).orElseThrow();
            assertThat(s.date()).isEqualTo(LocalDate.of(2023, 8, 7));
        }

        @Test
        void noYearAnywhereSaysHowToFixIt() {
            assertThat(parse(listing("\n", "new", "Mar 13", "Title A", ABSTRACT_A), OptionalInt.empty())).isEmpty();
            assertThat(messages()).singleElement().asString()
                    .startsWith("content/x.txt:2: \"Mar 13\" has no year")
                    .contains("year: 2025").contains("--year");
        }

        @Test
        void impossibleDateIsAnErrorWithItsLine() {
            String text = listing("\n", "new", "", "Subscribe", "", "Daily Papers", "", "byAK", "", "Feb 30", "", "T", "", ABSTRACT_A);
            assertThat(parse(text, OptionalInt.of(2025))).isEmpty();
            assertThat(messages()).containsExactly("content/x.txt:9: \"Feb 30\" is not a date");
        }

        @Test
        void february29thNeedsALeapYear() {
            assertThat(parse(listing("\n", "Feb 29", "T", ABSTRACT_A), OptionalInt.of(2025))).isEmpty();
            assertThat(messages()).containsExactly("content/x.txt:1: \"Feb 29\" is not a date in 2025");
            assertThat(new SnapshotParser(OptionalInt.of(2024)).parse(FILE, listing("\n", "Feb 29", "T", ABSTRACT_A), new Problems()))
                    .map(Snapshot::date).contains(LocalDate.of(2024, 2, 29));
        }

        @Test
        void fileWithoutDateLine() {
            assertThat(parse(listing("\n", "new", "Title A", ABSTRACT_A), OptionalInt.of(2025))).isEmpty();
            assertThat(messages()).singleElement().asString().startsWith("content/x.txt:1: no date line");
        }

        @Test
        void secondDateLineIsAnError() {
            parse(listing("\n", "Mar 13", "Title A", ABSTRACT_A, "Mar 14", "Title B", ABSTRACT_B), OptionalInt.of(2025));
            assertThat(messages()).singleElement().asString().startsWith("content/x.txt:4: a second date line");
        }
    }

    @Nested
    class MissingAbstracts {
        @Test
        void titleAtTheEndWithoutAbstractIsKeptAndWarned() {
            Snapshot s = parseOk(listing("\n", "Mar 13", "", "Title A", "", ABSTRACT_A, "", "Lonely Title"));
            assertThat(s.entries()).extracting(RawEntry::title).containsExactly("Title A", "Lonely Title");
            assertThat(s.entries().get(1).abstractText()).isEmpty();
            assertThat(messages()).containsExactly(
                    "content/x.txt:7: warning: title without an abstract: \"Lonely Title\" (kept, shown without abstract)");
        }

        @Test
        void titleWithoutAbstractInTheMiddleDoesNotShiftTheRest() {
            Snapshot s = parseOk(listing("\n", "Mar 13", "Title A", "Title B", ABSTRACT_B, "Title C", ABSTRACT_A));
            assertThat(s.entries()).extracting(RawEntry::title).containsExactly("Title A", "Title B", "Title C");
            assertThat(s.entries()).extracting(e -> e.abstractText().orElse("")).containsExactly("", ABSTRACT_B, ABSTRACT_A);
            assertThat(messages()).singleElement().asString().startsWith("content/x.txt:2: warning: title without an abstract");
        }
    }

    @Nested
    class TitleWarnings {
        @Test
        void realTitlesWithAFullStopInsideAreNotWarnedAbout() {
            Snapshot s = parseOk(listing("\n", "Mar 13", "Therefore I am. I Think", ABSTRACT_A,
                    "API Agents vs. GUI Agents: Divergence and Convergence", ABSTRACT_B));
            assertThat(s.entries()).extracting(RawEntry::title)
                    .containsExactly("Therefore I am. I Think", "API Agents vs. GUI Agents: Divergence and Convergence");
            assertThat(problems.sorted()).isEmpty();
        }

        @Test
        void anAbstractWhereTheTitleShouldBeFollowedByATitleIsWarned() {
            // Lines shifted by one: abstract A sits where a title belongs, and a title where its abstract belongs.
            Snapshot s = parseOk(listing("\n", "Mar 13", ABSTRACT_A, "Title B"));
            assertThat(s.entries()).hasSize(1);
            assertThat(messages()).containsExactly("content/x.txt:2: warning: a " + ABSTRACT_A.length()
                    + "-character line where a title was expected; kept as a title, check the file for a missing line");
        }

        @Test
        void aTitleLongerThanItsAbstractWithASentenceBreakIsWarned() {
            parseOk(listing("\n", "Mar 13", ABSTRACT_A, "Short. Abstract."));
            assertThat(messages()).singleElement().asString().contains("where a title was expected");
        }
    }

    @Nested
    class BadBytes {
        @Test
        void binaryFile() {
            byte[] bytes = {'M', 'a', 'r', ' ', '1', '3', '\n', 0, 1, 2};
            assertThat(new SnapshotParser(OptionalInt.of(2025)).parse(FILE, bytes, problems)).isEmpty();
            assertThat(messages()).singleElement().asString().startsWith("content/x.txt:2:1: binary file");
        }

        @Test
        void notUtf8NamesLineAndByte() {
            byte[] bytes = "Mar 13\nTitle A\nCaf\u00e9 latin-1\n".getBytes(StandardCharsets.ISO_8859_1);
            assertThat(new SnapshotParser(OptionalInt.of(2025)).parse(FILE, bytes, problems)).isEmpty();
            assertThat(messages()).singleElement().asString()
                    .startsWith("content/x.txt:3:4: not UTF-8: byte 0xE9 at byte offset 18");
        }

        @Test
        void bomIsNotPartOfTheFirstLine() {
            byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
            byte[] text = listing("\n", "Mar 13", "Title A", ABSTRACT_A).getBytes(StandardCharsets.UTF_8);
            byte[] bytes = new byte[bom.length + text.length];
            System.arraycopy(bom, 0, bytes, 0, 3);
            System.arraycopy(text, 0, bytes, 3, text.length);
            assertThat(new SnapshotParser(OptionalInt.of(2025)).parse(FILE, bytes, problems))
                    .map(Snapshot::date).contains(LocalDate.of(2025, 3, 13));
        }
    }
}
