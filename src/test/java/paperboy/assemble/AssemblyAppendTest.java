package paperboy.assemble;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperboy.bench.CorpusGenerator;
import paperboy.parse.ContentLoader;
import paperboy.parse.Snapshot;
import paperboy.parse.SnapshotParser;
import paperboy.problems.Problems;

/**
 * Appending days to an earlier assembly gives what assembling every listing at once gives: the same digest (papers,
 * slugs, days, listings, variant counts, upvotes), the same identities to go on from, the same warnings.
 */
class AssemblyAppendTest {
    private final DigestAssembler assembler = new DigestAssembler(ThemeAssigner.none());

    @Test
    void appendingEachDayOfTheSampleGivesTheWholeAssembly() {
        everyDayAppendedMatchesTheWhole(load(Path.of("content"), 2025), 1);
    }

    @Test
    void appendingDaysOfAGeneratedArchiveWithRelistingsGivesTheWholeAssembly(@TempDir Path dir) throws Exception {
        CorpusGenerator.Options o = new CorpusGenerator.Options(40, 30, 0.4, 7, LocalDate.of(2024, 1, 1));
        new CorpusGenerator(o, CorpusGenerator.vocabularyFrom(Path.of("content"))).write(dir);
        everyDayAppendedMatchesTheWhole(load(dir, 2024), 1);
    }

    /** The real slice (120 days, titles retyped, papers listed twice in a file), when it is beside the project. */
    @Test
    void appendingDaysOfTheRealSliceGivesTheWholeAssembly(@TempDir Path dir) throws Exception {
        Path tar = Path.of("../shared/real-dev/days.tar.gz");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(tar), "the real slice is not beside the project");
        assertThat(new ProcessBuilder("tar", "xzf", tar.toAbsolutePath().toString(), "-C", dir.toString())
                .inheritIO().start().waitFor()).isZero();
        everyDayAppendedMatchesTheWhole(load(dir.resolve("days"), 2025), 23);
    }

    @Test
    void aDayNotAfterTheLatestIsNotAppended() {
        List<Snapshot> all = load(Path.of("content"), 2025);
        Snapshot last = all.get(all.size() - 1);
        DigestAssembler.Assembly before = assembler.assembleKeeping(all, new Problems());
        assertThat(assembler.append(before, List.of(last), new Problems())).isEmpty();
    }

    /** Splits the listings after every {@code step}-th day and appends the rest a day at a time. */
    private void everyDayAppendedMatchesTheWhole(List<Snapshot> all, int step) {
        Problems wholeProblems = new Problems();
        DigestAssembler.Assembly whole = assembler.assembleKeeping(all, wholeProblems);
        List<LocalDate> dates = all.stream().map(Snapshot::date).distinct().sorted().toList();
        int checked = 0;
        for (int split = 1; split < dates.size(); split += step) {
            LocalDate cut = dates.get(split);
            Problems problems = new Problems();
            DigestAssembler.Assembly a = assembler.assembleKeeping(
                    all.stream().filter(s -> s.date().isBefore(cut)).toList(), problems);
            for (LocalDate d : dates.subList(split, dates.size())) {
                a = assembler.append(a, all.stream().filter(s -> s.date().equals(d)).toList(), problems).orElseThrow();
            }
            assertThat(a.digest()).as("split before %s", cut).isEqualTo(whole.digest());
            assertThat(a.identities()).as("split before %s", cut).isEqualTo(whole.identities());
            assertThat(problems.sorted()).isEqualTo(wholeProblems.sorted());
            checked++;
        }
        assertThat(checked).isPositive();
    }

    private static List<Snapshot> load(Path dir, int year) {
        Problems problems = new Problems();
        List<Snapshot> s = new ContentLoader(new SnapshotParser(OptionalInt.of(year))).load(dir, problems);
        assertThat(problems.hasErrors()).isFalse();
        return s;
    }
}
