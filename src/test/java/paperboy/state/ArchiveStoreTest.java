package paperboy.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import paperboy.assemble.DigestAssembler;
import paperboy.assemble.ThemeAssigner;
import paperboy.bench.CorpusGenerator;
import paperboy.model.Paper;
import paperboy.parse.ContentLoader;
import paperboy.parse.Snapshot;
import paperboy.parse.SnapshotParser;
import paperboy.problems.Problems;

/** The archive kept between builds reads back as written, is written a month at a time, and is all or nothing. */
class ArchiveStoreTest {
    @TempDir
    Path tmp;

    private final DigestAssembler assembler = new DigestAssembler(ThemeAssigner.none());

    @Test
    void readsBackWhatWasWrittenUnderTheSameIdentityOnly() throws Exception {
        Path content = Path.of("content");
        Problems problems = new Problems();
        DigestAssembler.Assembly a = assembler.assembleKeeping(load(content), problems);
        ArchiveStore.Archive archive = new ArchiveStore.Archive(a, problems.sorted());
        Path dir = tmp.resolve(".site.state");
        long months = a.digest().days().stream().map(d -> java.time.YearMonth.from(d.date())).distinct().count();
        assertThat(ArchiveStore.write(dir, "build 1", archive, content, Optional.empty())).isEqualTo((int) months);

        ArchiveStore.Read read = ArchiveStore.read(dir, "build 1", content).orElseThrow();
        assertThat(read.archive()).isEqualTo(archive);
        assertThat(ArchiveStore.read(dir, "build 2", content)).as("another build's state").isEmpty();
    }

    @Test
    void aDayAppendedWritesOnlyTheMonthsItChanges(@TempDir Path corpus) throws Exception {
        // Two months, papers listed again across the boundary.
        new CorpusGenerator(new CorpusGenerator.Options(45, 10, 0.4, 3, LocalDate.of(2024, 3, 1)),
                CorpusGenerator.vocabularyFrom(Path.of("content"))).write(corpus);
        List<Snapshot> all = load(corpus);
        LocalDate last = all.get(all.size() - 1).date();
        Problems problems = new Problems();
        DigestAssembler.Assembly before = assembler.assembleKeeping(
                all.stream().filter(s -> s.date().isBefore(last)).toList(), problems);
        Path dir = tmp.resolve(".site.state");
        assertThat(ArchiveStore.write(dir, "1", new ArchiveStore.Archive(before, problems.sorted()), corpus,
                Optional.empty())).isEqualTo(2);
        ArchiveStore.Read read = ArchiveStore.read(dir, "1", corpus).orElseThrow();

        DigestAssembler.Assembly after = assembler.append(read.archive().assembly(),
                all.stream().filter(s -> s.date().equals(last)).toList(), problems).orElseThrow();
        // April 14th lists April's papers and some of March's again: both months change.
        boolean relistsMarch = after.digest().day(last).orElseThrow().listings().stream()
                .anyMatch(l -> after.digest().paper(l.paperSlug()).firstSeen().getMonthValue() == 3);
        int written = ArchiveStore.write(dir, "2", new ArchiveStore.Archive(after, problems.sorted()), corpus,
                Optional.of(read));
        assertThat(written).isEqualTo(relistsMarch ? 2 : 1);
        assertThat(ArchiveStore.read(dir, "2", corpus).orElseThrow().archive().assembly()).isEqualTo(after);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.count()).as("the manifest and per month its file, its abstracts and its index; older ones "
                    + "removed").isEqualTo(7);
        }

        // Nothing changed: nothing but the manifest is written.
        ArchiveStore.Read again = ArchiveStore.read(dir, "2", corpus).orElseThrow();
        assertThat(ArchiveStore.write(dir, "3", again.archive(), corpus, Optional.of(again))).isZero();
    }

    /** The abstracts, most of the state's bytes, are read only for the papers a build asks for. */
    @Test
    void abstractsAreReadWhenAskedFor() throws Exception {
        Path content = Path.of("content");
        Path dir = tmp.resolve(".site.state");
        DigestAssembler.Assembly a = writeSample(dir);
        ArchiveStore.Read read = ArchiveStore.read(dir, "1", content).orElseThrow();
        long withAbstract = a.digest().papers().stream().filter(p -> p.abstractRaw().isPresent()).count();
        assertThat(read.texts().read()).isZero();
        var paper = read.archive().assembly().digest().papers().stream()
                .filter(p -> p.abstractRaw().isPresent()).findFirst().orElseThrow();
        assertThat(read.texts().kept()).as("abstracts referred to by the months decoded").isEqualTo(withAbstract);
        assertThat(paper.abstractRaw()).isEqualTo(a.digest().paper(paper.slug()).abstractRaw());
        assertThat(read.texts().read()).isEqualTo(1);
    }

    /** A damaged or missing index means no state; a damaged month or texts file is found when the build reads it. */
    @ParameterizedTest
    @ValueSource(strings = {".cbor", ".texts", ".index"})
    void aMissingOrDamagedMonthMeansNoState(String kind) throws Exception {
        Path content = Path.of("content");
        Path dir = tmp.resolve(".site.state");
        writeSample(dir);
        Path month = firstOfMonth(dir, kind);
        byte[] bytes = Files.readAllBytes(month);
        bytes[bytes.length / 2] ^= 1;
        Files.write(month, bytes);
        assertDamaged(dir, content, kind, "a flipped bit");
        Files.delete(month);
        assertDamaged(dir, content, kind, "a file gone");
    }

    /**
     * Each paper's part of a month is summed on its own and checked when read: a build that reads a few papers of a
     * month neither reads nor sums the rest, and a damaged paper is found when read, its neighbours still good.
     */
    @Test
    void aDamagedPaperIsFoundWhenReadAndItsMonthsOtherPapersReadAsWritten() throws Exception {
        Path content = Path.of("content");
        Path dir = tmp.resolve(".site.state");
        DigestAssembler.Assembly a = writeSample(dir);
        Path month = firstOfMonth(dir, ".cbor");
        Path indexFile = dir.resolve(month.getFileName().toString().replace(".cbor", ".index"));
        byte[] indexBytes = Files.readAllBytes(indexFile);
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(indexBytes);
        int[] starts = MonthIndex.read(indexFile, indexBytes.length, crc.getValue()).orElseThrow().starts();
        byte[] bytes = Files.readAllBytes(month);
        bytes[(starts[0] + starts[1]) / 2] ^= 0x20; // inside the month's first paper
        Files.write(month, bytes);

        OpenedMonth first = ArchiveStore.read(dir, "1", content).orElseThrow().months().month(0);
        Paper last = first.paper(first.size() - 1);
        assertThat(last).as("a paper of the month not damaged").isEqualTo(a.digest().paper(last.slug()));
        assertThatThrownBy(() -> first.paper(0)).isInstanceOf(ArchiveStore.Damaged.class)
                .hasMessageContaining("checksum");
    }

    /** The sample content's archive, written to {@code dir} under identity "1". */
    private DigestAssembler.Assembly writeSample(Path dir) throws Exception {
        Path content = Path.of("content");
        Problems problems = new Problems();
        DigestAssembler.Assembly a = assembler.assembleKeeping(load(content), problems);
        ArchiveStore.write(dir, "1", new ArchiveStore.Archive(a, problems.sorted()), content, Optional.empty());
        return a;
    }

    /** The first month's file of this kind ({@code .cbor}, {@code .texts} or {@code .index}). */
    private static Path firstOfMonth(Path dir, String kind) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(kind)
                    && !f.getFileName().toString().equals("archive.cbor")).sorted().findFirst().orElseThrow();
        }
    }

    private static void assertDamaged(Path dir, Path content, String kind, String how) {
        Optional<ArchiveStore.Read> read = ArchiveStore.read(dir, "1", content);
        if (kind.equals(".index")) {
            assertThat(read).as(how).isEmpty();
            return;
        }
        assertThat(read).as(how + ": the month is read when a build needs it").isPresent();
        assertThatThrownBy(() -> read.get().archive().assembly().digest().papers()
                .forEach(p -> p.abstractRaw())).as(how).isInstanceOf(ArchiveStore.Damaged.class);
    }

    private static List<Snapshot> load(Path dir) {
        Problems problems = new Problems();
        List<Snapshot> s = new ContentLoader(new SnapshotParser(OptionalInt.of(2025))).load(dir, problems);
        assertThat(problems.hasErrors()).isFalse();
        return s;
    }
}
