package paperboy.assemble;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import paperboy.model.Day;
import paperboy.model.Digest;
import paperboy.model.Listing;
import paperboy.model.Paper;
import paperboy.model.SourceRef;
import paperboy.problems.Problem;
import paperboy.problems.Problems;
import paperboy.parse.RawEntry;
import paperboy.parse.Snapshot;

class DigestAssemblerTest {
    static final String RETRO = "RetroMAE v2: Duplex Masked Auto-Encoder For Pre-Training Retrieval-Oriented Language Models";
    static final String RETRO_ABSTRACT = "To better support information retrieval tasks such as web search and open-domain "
            + "question answering, growing effort is made to develop retrieval-oriented language models, e.g., RetroMAE. "
            + "Most of the existing works focus on improving the semantic representation capability.";

    final Problems problems = new Problems();

    /** A snapshot from title/abstract pairs; line numbers as a seed file would have them. */
    static Snapshot snapshot(String file, String date, String... titleAbstractPairs) {
        List<RawEntry> entries = new ArrayList<>();
        for (int i = 0; i < titleAbstractPairs.length; i += 2) {
            entries.add(new RawEntry(titleAbstractPairs[i], Optional.ofNullable(titleAbstractPairs[i + 1]),
                    SourceRef.of(Path.of(file), 10 + 2 * i)));
        }
        return new Snapshot(Path.of(file), LocalDate.parse(date), entries);
    }

    Digest assemble(Snapshot... snapshots) {
        return new DigestAssembler(ThemeAssigner.none()).assemble(List.of(snapshots), problems);
    }

    static List<String> titles(Digest d, Day day) {
        return day.listings().stream().map(l -> d.paper(l.paperSlug()).title()).toList();
    }

    @Test
    void samePaperAcrossDaysWithSmallDifferencesIsOnePaper() {
        Digest d = assemble(
                snapshot("a.txt", "2025-03-11", RETRO, RETRO_ABSTRACT),
                snapshot("b.txt", "2025-03-13", "RetroMAE v2:  Duplex Masked Auto-Encoder for Pre-Training Retrieval-Oriented Language Models.",
                        RETRO_ABSTRACT.replace("web search", "web serach") + " Code: https://mirror.example/retromae"),
                snapshot("c.txt", "2025-03-14", "retromae V2 - duplex masked auto encoder for pre training retrieval oriented language models",
                        RETRO_ABSTRACT));
        assertThat(d.papers()).singleElement().satisfies(p -> {
            assertThat(p.title()).isEqualTo(RETRO);
            assertThat(p.abstractRaw()).contains(RETRO_ABSTRACT);
            assertThat(p.days()).containsExactly(LocalDate.of(2025, 3, 11), LocalDate.of(2025, 3, 13), LocalDate.of(2025, 3, 14));
            assertThat(p.titleVariants()).isEqualTo(2);
            assertThat(p.abstractVariants()).isEqualTo(1);
            assertThat(p.slug()).isEqualTo("retromae-v2-duplex-masked-auto-encoder-for-pre-training");
        });
        assertThat(problems.sorted()).isEmpty();
    }

    @Test
    void retypedTitleWithTheSameAbstractIsStillOnePaper() {
        Digest d = assemble(
                snapshot("a.txt", "2025-03-11", RETRO, RETRO_ABSTRACT),
                snapshot("b.txt", "2025-03-12", "RetroMAE-2: Duplex Masked Autoencoders", RETRO_ABSTRACT));
        assertThat(d.papers()).hasSize(1);
        assertThat(d.papers().get(0).days()).hasSize(2);
    }

    @Test
    void newAndSeenBeforeWithEarlierDays() {
        Digest d = assemble(
                snapshot("a.txt", "2025-03-11", "Alpha", "abstract a", "Beta", "abstract b"),
                snapshot("b.txt", "2025-03-13", "Beta", "abstract b", "Gamma", "abstract c"),
                snapshot("c.txt", "2025-03-14", "Beta", "abstract b", "Alpha", "abstract a"));
        Day last = d.days().get(2);
        assertThat(last.listings()).extracting(Listing::paperSlug).containsExactly("beta", "alpha");
        assertThat(last.listings().get(0).earlierDays()).containsExactly(LocalDate.of(2025, 3, 11), LocalDate.of(2025, 3, 13));
        assertThat(last.listings().get(1).earlierDays()).containsExactly(LocalDate.of(2025, 3, 11));
        assertThat(d.days().get(1).listings()).extracting(Listing::isNew).containsExactly(false, true);
        assertThat(d.days().get(0).newCount()).isEqualTo(2);
        assertThat(last.newCount()).isZero();
    }

    @Test
    void twoSnapshotsOfOneDayMergeInOrderWithoutRepeats() {
        Digest d = assemble(
                snapshot("morning.txt", "2025-03-13", "Alpha", "abstract a", "Beta", "abstract b"),
                snapshot("evening.txt", "2025-03-13", "Beta", "abstract b", "Gamma", "abstract c"));
        assertThat(d.days()).singleElement().satisfies(day -> {
            assertThat(titles(d, day)).containsExactly("Alpha", "Beta", "Gamma");
            assertThat(day.listings()).extracting(Listing::position).containsExactly(1, 2, 3);
            assertThat(day.sources()).containsExactly(Path.of("morning.txt"), Path.of("evening.txt"));
        });
        assertThat(problems.sorted()).isEmpty();
    }

    @Test
    void samePaperTwiceInOneFileIsOneListingAndAWarning() {
        Digest d = assemble(snapshot("a.txt", "2025-03-13", "Alpha", "abstract a", "Beta", "abstract b", "ALPHA.", "abstract a"));
        assertThat(titles(d, d.days().get(0))).containsExactly("Alpha", "Beta");
        assertThat(problems.sorted()).extracting(Problem::toString).containsExactly(
                "a.txt:18: warning: \"ALPHA.\" is listed twice in this file (first at line 10); kept one listing");
    }

    @Test
    void missingAbstractIsFilledFromALaterListing() {
        Digest d = assemble(
                snapshot("a.txt", "2025-03-11", "Alpha", null),
                snapshot("b.txt", "2025-03-12", "Alpha", "abstract a"));
        assertThat(d.papers().get(0).abstractRaw()).contains("abstract a");
    }

    @Test
    void slugCollisionsGoToTheLaterPaperDeterministically() {
        Digest d = assemble(
                snapshot("a.txt", "2025-03-11", "Attention: Is All You Need?", "first abstract"),
                snapshot("b.txt", "2025-03-12", "Attention is all you need (2)", "second abstract",
                        "Attention Is All You Need", "third abstract"));
        // "Attention is all you need (2)" is a different title key; the later of two equal-slug papers gets "-2".
        assertThat(d.papers()).extracting(Paper::slug)
                .containsExactlyInAnyOrder("attention-is-all-you-need", "attention-is-all-you-need-2");
        assertThat(d.paper("attention-is-all-you-need").firstSeen()).isEqualTo(LocalDate.of(2025, 3, 11));
        assertThat(d.paper("attention-is-all-you-need-2").title()).isEqualTo("Attention is all you need (2)");
    }

    @Test
    void slugsAreStableWhenLaterDaysAreAdded() {
        Snapshot first = snapshot("a.txt", "2025-03-11", "Same Title", "one");
        Snapshot later = snapshot("b.txt", "2025-03-12", "Same Title!", "one", "Same: Title", "one");
        String before = assemble(first).papers().get(0).slug();
        Digest after = assemble(first, later);
        assertThat(after.papers()).extracting(Paper::slug).containsExactly(before);
    }

    /** A Hugging Face entry: title, abstract and the upvotes of that listing (null: none). */
    static RawEntry counted(String file, String title, Integer upvotes) {
        return new RawEntry(title, Optional.of(title + ": its abstract."), SourceRef.of(Path.of(file), 2), Optional.empty(),
                List.of(), upvotes == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(upvotes));
    }

    static Snapshot day(String file, String date, RawEntry... entries) {
        return new Snapshot(Path.of(file), LocalDate.parse(date), List.of(entries));
    }

    @Test
    void aPaperKeepsTheUpvotesOfItsLatestListingWithACountAndEachListingItsOwn() {
        Digest d = assemble(
                day("2025-03-10.json", "2025-03-10", counted("2025-03-10.json", "Sparse Probes", 12)),
                day("2025-03-11.json", "2025-03-11", counted("2025-03-11.json", "Sparse Probes", 40)),
                // Two files of one day: the day's count is the higher.
                day("2025-03-12.json", "2025-03-12", counted("2025-03-12.json", "Sparse Probes", 57)),
                day("2025-03-12b.json", "2025-03-12", counted("2025-03-12b.json", "Sparse Probes", 55)),
                // A later listing without a count (a text dump) keeps the last known one.
                day("2025-03-13.txt", "2025-03-13", counted("2025-03-13.txt", "Sparse Probes", null)));
        assertThat(d.papers()).singleElement().satisfies(p -> assertThat(p.upvotes()).hasValue(57));
        assertThat(d.days()).extracting(x -> x.listings().get(0).upvotes()).containsExactly(
                java.util.OptionalInt.of(12), java.util.OptionalInt.of(40), java.util.OptionalInt.of(57),
                java.util.OptionalInt.empty());
    }

    @Test
    void papersFromInputsWithoutPopularityHaveNoUpvotes() {
        Digest d = assemble(snapshot("a.txt", "2025-03-11", RETRO, RETRO_ABSTRACT));
        assertThat(d.papers().get(0).upvotes()).isEmpty();
        assertThat(d.days().get(0).listings().get(0).upvotes()).isEmpty();
    }
}
