package paperboy.assemble;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import paperboy.model.Digest;
import paperboy.model.Paper;
import paperboy.model.SourceRef;
import paperboy.problems.Problem;
import paperboy.problems.Problems;
import paperboy.parse.RawEntry;
import paperboy.parse.Snapshot;

class ArxivIdentityTest {
    private static final Path A = Path.of("a.json");
    private static final Path B = Path.of("b.json");
    private final Problems problems = new Problems();

    private static RawEntry entry(Path f, int line, String title, String id) {
        return new RawEntry(title, Optional.of("An abstract."), SourceRef.of(f, line), Optional.ofNullable(id), List.of());
    }

    private Digest assemble(Snapshot... s) {
        return new DigestAssembler(ThemeAssigner.none()).assemble(List.of(s), problems);
    }

    @Test
    void arxivIdWinsOverADifferentTitle() {
        Digest d = assemble(
                new Snapshot(A, LocalDate.of(2025, 3, 13), List.of(entry(A, 1, "Old Title", "2503.00001"))),
                new Snapshot(B, LocalDate.of(2025, 3, 14), List.of(entry(B, 1, "A Completely New Title", "2503.00001"))));
        assertThat(d.papers()).singleElement().satisfies(p -> {
            assertThat(p.title()).isEqualTo("Old Title");
            assertThat(p.titleVariants()).isEqualTo(1);
            assertThat(p.days()).hasSize(2);
        });
        assertThat(d.days().get(1).listings().get(0).isNew()).isFalse();
    }

    @Test
    void sameTitleWithDifferentArxivIdsIsTwoPapersAndSaysSo() {
        Digest d = assemble(
                new Snapshot(A, LocalDate.of(2025, 3, 13), List.of(entry(A, 1, "Scaling Laws", "2503.00001"))),
                new Snapshot(B, LocalDate.of(2025, 3, 14), List.of(entry(B, 7, "Scaling Laws", "2503.00002"))));
        assertThat(d.papers()).extracting(Paper::arxivId)
                .containsExactlyInAnyOrder(Optional.of("2503.00001"), Optional.of("2503.00002"));
        assertThat(d.papers()).extracting(Paper::slug).doesNotHaveDuplicates();
        assertThat(problems.sorted()).extracting(Problem::toString).containsExactly("b.json:7: warning: \"Scaling Laws\" "
                + "has arXiv id 2503.00002 but a paper with the same title or abstract has 2503.00001 (first at a.json:1); "
                + "kept as two papers");
    }

    @Test
    void idLearnedLaterAttachesToThePaperFoundByTitle() {
        Digest d = assemble(
                new Snapshot(A, LocalDate.of(2025, 3, 13), List.of(entry(A, 1, "Scaling Laws", null))),
                new Snapshot(B, LocalDate.of(2025, 3, 14), List.of(entry(B, 1, "scaling laws.", "2503.00001"))),
                new Snapshot(A, LocalDate.of(2025, 3, 15), List.of(entry(A, 1, "Scaling Laws Revisited", "2503.00001"))));
        assertThat(d.papers()).singleElement().satisfies(p -> {
            assertThat(p.arxivId()).contains("2503.00001");
            assertThat(p.days()).hasSize(3);
        });
    }
}
