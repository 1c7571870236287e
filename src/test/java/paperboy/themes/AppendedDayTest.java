package paperboy.themes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperboy.assemble.ThemeAssigner;
import paperboy.assemble.ThemeAssigner.Assignment;
import paperboy.bench.CorpusGenerator;
import paperboy.build.SiteBuild;
import paperboy.config.SiteConfig;
import paperboy.config.ThemesConfig;
import paperboy.model.Day;
import paperboy.model.Digest;
import paperboy.model.Listing;
import paperboy.model.Paper;
import paperboy.problems.Problem;
import paperboy.problems.Problems;
import paperboy.testing.ArchiveGuard;
import paperboy.themes.cache.DailyEmbeddings;
import paperboy.themes.cache.DailyStore;
import paperboy.themes.cache.ThemeCache;
import paperboy.themes.embed.PaperEmbedder;
import paperboy.themes.text.FitSet;

/**
 * The daily case of the themes: {@code assignAppended(papers, added, assign(before))} is {@code assign(papers)},
 * record for record and warning for warning, day after day within a month, computing only the new papers; and it
 * declines (empty) whenever it cannot be sure.
 */
class AppendedDayTest {
    /** A generated archive of 3,800 papers from January to April 2016: a fit set of over 3,000, so the index path. */
    private static List<Paper> generated;
    /** 600 papers made from the sample's, 12 a day from 1 January 2025 into February: the exhaustive path. */
    private static List<Paper> fromSample;

    @BeforeAll
    static void archives(@TempDir Path tmp) throws Exception {
        Path corpus = tmp.resolve("corpus");
        new CorpusGenerator(new CorpusGenerator.Options(96, 52, 0.3, 11, LocalDate.of(2016, 1, 1)),
                CorpusGenerator.vocabularyFrom(Path.of("content"))).write(corpus);
        SiteBuild.Request req = new SiteBuild.Request(corpus, tmp.resolve("site"), Path.of("templates"),
                SiteConfig.defaults(), ThemeAssigner.none());
        generated = SiteBuild.digest(req, new Problems()).papers();
        List<Paper> made = ThemesBench.synthetic(ThemesBench.samplePapers(), 600);
        fromSample = new ArrayList<>();
        for (int i = 0; i < made.size(); i++) {
            Paper p = made.get(i);
            fromSample.add(new Paper(p.slug(), p.title(), p.abstractRaw(), List.of(LocalDate.of(2025, 1, 1).plusDays(i / 12)),
                    0, 0, List.of(), List.of(), p.firstSource(), Optional.empty(), List.of()));
        }
        fromSample.sort(Comparator.comparing(Paper::slug));
    }

    /** The papers as a build on {@code day} sees them: first seen by then, listed on the days up to it. */
    static List<Paper> upTo(List<Paper> all, LocalDate day) {
        return ContinuityBench.upTo(all, day);
    }

    /** The digest of these papers: each day lists the papers seen on it (by slug), new or seen before. */
    static Digest digestOf(List<Paper> papers) {
        java.util.TreeMap<LocalDate, List<Listing>> days = new java.util.TreeMap<>();
        for (Paper p : papers) {
            for (int k = 0; k < p.days().size(); k++) {
                LocalDate d = p.days().get(k);
                List<Listing> listings = days.computeIfAbsent(d, x -> new ArrayList<>());
                listings.add(new Listing(p.slug(), d, listings.size() + 1, p.days().subList(0, k), p.firstSource()));
            }
        }
        List<Day> out = days.entrySet().stream().map(e -> new Day(e.getKey(), e.getValue(), List.of())).toList();
        return Digest.of(out, papers, List.of());
    }

    /** The key of the daily store beside the site at {@code site}. */
    private static String storeKey(Path site) {
        return DailyStore.open(DailyStore.location(ThemeCache.location(site))).orElseThrow().identity().key();
    }

    private static Set<String> added(List<Paper> before, List<Paper> after) {
        Set<String> had = before.stream().map(Paper::slug).collect(Collectors.toSet());
        return after.stream().map(Paper::slug).filter(s -> !had.contains(s)).collect(Collectors.toSet());
    }

    private static Themes themes(String mode) {
        return (Themes) Themes.forBuild(ThemesConfig.defaults(), mode, Path.of("content"));
    }

    /** With sentence embeddings (words hashed into 64 dimensions: as a real model, papers sharing words are close). */
    private static Themes embedding(String mode, PaperEmbedder model) {
        return (Themes) Themes.forBuild(ThemesConfig.Mode.parse(mode).orElseThrow(), ThemesConfig.defaults(),
                Path.of("content"), Optional.of(model));
    }

    /** A full build on {@code first}, then daily builds on the following days, each checked against a full one. */
    private static void dailyBuildsGiveFullBuilds(List<Paper> archive, LocalDate first, int days, String mode, Path dir)
            throws IOException {
        dailyBuildsGiveFullBuilds(archive, first, days, mode, dir, themes(mode), Optional.empty());
    }

    /** @param model the embedding model of {@code plain}, to count what a daily build embeds */
    private static void dailyBuildsGiveFullBuilds(List<Paper> archive, LocalDate first, int days, String mode, Path dir,
                                                  Themes plain, Optional<EmbeddedThemesTest.CountingEmbedder> model)
            throws IOException {
        Files.createDirectories(dir);
        Themes daily = (Themes) plain.cachedFor(dir.resolve("site"));
        Themes reference = (Themes) plain.cachedFor(dir.resolve("reference"));
        List<Paper> papers = upTo(archive, first);
        Assignment previous = daily.assign(papers, new Problems()); // the full build that keeps the daily store
        assertThat(DailyStore.location(ThemeCache.location(dir.resolve("site")))).exists();
        for (int d = 1; d <= days; d++) {
            LocalDate day = first.plusDays(d);
            List<Paper> next = upTo(archive, day);
            Set<String> added = added(papers, next);
            assertThat(added).as(day + ": new papers").isNotEmpty();
            Problems got = new Problems(), want = new Problems();
            int embeddedBefore = model.map(m -> m.embedded.get()).orElse(0);
            Optional<AppendedDay.Result> r = daily.appended(digestOf(next), added, previous, got);
            int embeddedByDay = model.map(m -> m.embedded.get()).orElse(0) - embeddedBefore;
            Assignment expected = (d == days ? plain : reference).assign(next, want);
            assertThat(r).as(mode + " " + day + ": placed").isPresent();
            Assignment a = r.get().assignment();
            assertThat(a.themes()).as(mode + " " + day + ": themes").isEqualTo(expected.themes());
            assertThat(a.paperThemes()).as(mode + " " + day + ": paper themes").isEqualTo(expected.paperThemes());
            assertThat(a.related()).as(mode + " " + day + ": related").isEqualTo(expected.related());
            assertThat(a.withStoreKey("")).as(mode + " " + day).isEqualTo(expected.withStoreKey(""));
            assertThat(a.storeKey()).as("the store it was placed from").isEqualTo(storeKey(dir.resolve("site")))
                    .isEqualTo(previous.storeKey());
            assertThat(messages(got)).as(mode + " " + day + ": warnings").isEqualTo(messages(want));
            // Work: the new papers', not the archive's (at most 30 candidates' vectors read per new paper).
            AppendedDay.Work w = r.get().work();
            assertThat(w.analysed()).as("papers analysed").isEqualTo(added.size());
            assertThat(w.ranked()).as("papers ranked").isEqualTo(added.size());
            assertThat(w.placed()).as("papers placed").isLessThanOrEqualTo(added.size());
            assertThat(w.monthVectorsKept()).as("the month's earlier papers, kept").isEqualTo(
                    next.size() - added.size() - count(FitSet.of(next)));
            if (model.isPresent()) {
                assertThat(w.embedded()).as("papers embedded: the new ones only").isEqualTo(added.size());
                assertThat(embeddedByDay).as("the model's calls").isEqualTo(added.size());
            }
            papers = next;
            previous = a;
        }
    }

    private static int count(boolean[] flags) {
        int n = 0;
        for (boolean f : flags) if (f) n++;
        return n;
    }

    private static List<String> messages(Problems p) {
        return p.sorted().stream().map(Problem::toString).toList();
    }

    @Test
    void dailyBuildsWithinAMonthGiveTheFullAssignmentOnAGeneratedArchive(@TempDir Path dir) throws IOException {
        LocalDate april1 = LocalDate.of(2016, 4, 1);
        assertThat(count(FitSet.of(upTo(generated, april1)))).as("fit set: the index path").isGreaterThan(3000);
        for (String mode : List.of("auto", "curated")) {
            dailyBuildsGiveFullBuilds(generated, april1, 3, mode, dir.resolve(mode));
        }
    }

    @Test
    void dailyBuildsWithinAMonthGiveTheFullAssignmentOnTheSamplesPapers(@TempDir Path dir) throws IOException {
        LocalDate february1 = LocalDate.of(2025, 2, 1);
        assertThat(count(FitSet.of(upTo(fromSample, february1)))).as("fit set: exhaustive").isLessThan(3000);
        for (String mode : List.of("auto", "curated")) {
            dailyBuildsGiveFullBuilds(fromSample, february1, 3, mode, dir.resolve(mode));
        }
    }

    @Test
    void withEmbeddingsDailyBuildsGiveTheFullAssignmentOnTheSamplesPapers(@TempDir Path dir) throws IOException {
        LocalDate february1 = LocalDate.of(2025, 2, 1);
        for (String mode : List.of("auto", "curated")) {
            EmbeddedThemesTest.CountingEmbedder model = new EmbeddedThemesTest.CountingEmbedder();
            dailyBuildsGiveFullBuilds(fromSample, february1, 3, mode, dir.resolve(mode), embedding(mode, model),
                    Optional.of(model));
        }
    }

    @Test
    void withEmbeddingsItDeclinesWithoutTheEmbeddingsStoreOrWithAStoreMadeWithoutThem(@TempDir Path dir) {
        Themes daily = (Themes) embedding("auto", new EmbeddedThemesTest.CountingEmbedder()).cachedFor(dir);
        LocalDate february1 = LocalDate.of(2025, 2, 1);
        List<Paper> before = upTo(fromSample, february1), after = upTo(fromSample, february1.plusDays(1));
        Assignment previous = daily.assign(before, new Problems());
        assertThat(daily.appended(digestOf(after), added(before, after), previous, new Problems())).as("with its stores").isPresent();
        Themes words = (Themes) themes("auto").cachedFor(dir);
        assertThat(words.appended(digestOf(after), added(before, after), previous, new Problems()))
                .as("a store made with embeddings, for themes without").isEmpty();
        Path embeddings = DailyEmbeddings.location(ThemeCache.location(dir));
        assertThat(embeddings).exists();
        try {
            Files.delete(embeddings);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertThat(daily.appended(digestOf(after), added(before, after), previous, new Problems()))
                .as("the embeddings' store missing").isEmpty();
        words.assign(before, new Problems()); // the store made again, without embeddings
        assertThat(daily.appended(digestOf(after), added(before, after), previous, new Problems()))
                .as("a store made without embeddings").isEmpty();
    }

    @Test
    void withEmbeddingsDailyBuildsGiveTheFullAssignmentOnAGeneratedArchive(@TempDir Path dir) throws IOException {
        LocalDate april1 = LocalDate.of(2016, 4, 1);
        for (String mode : List.of("auto", "curated")) {
            EmbeddedThemesTest.CountingEmbedder model = new EmbeddedThemesTest.CountingEmbedder();
            dailyBuildsGiveFullBuilds(generated, april1, 2, mode, dir.resolve(mode), embedding(mode, model),
                    Optional.of(model));
        }
    }

    @Test
    void aNewDayWorksOnTheNewPapersOnlyAndReadsAFewCandidatesOfTheStore(@TempDir Path dir) {
        Themes daily = (Themes) themes("auto").cachedFor(dir.resolve("site"));
        List<Paper> before = upTo(generated, LocalDate.of(2016, 4, 2)), after = upTo(generated, LocalDate.of(2016, 4, 3));
        Assignment previous = daily.assign(before, new Problems());
        Set<String> added = added(before, after);
        AppendedDay.Work w = daily.appended(digestOf(after), added, previous, new Problems()).orElseThrow().work();
        System.out.printf("AppendedDayTest: %d new papers of %d: %s%n", added.size(), after.size(), w);
        assertThat(w.analysed()).isEqualTo(added.size());
        assertThat(w.placed()).isEqualTo(added.size());
        assertThat(w.ranked()).isEqualTo(added.size());
        assertThat(w.fitVectorsRead()).as("fit-set vectors read, of " + before.size())
                .isLessThanOrEqualTo(30 * added.size());
        assertThat(w.postingsRead()).as("posting lists read").isLessThanOrEqualTo(12 * added.size());
    }

    @Test
    void itDeclinesAcrossAMonthBoundaryAndWithoutAStoreThatMatches(@TempDir Path dir) throws IOException {
        Themes daily = (Themes) themes("auto").cachedFor(dir.resolve("site"));
        LocalDate march31 = LocalDate.of(2016, 3, 31);
        List<Paper> march = upTo(generated, march31), april = upTo(generated, march31.plusDays(1));
        Assignment previous = daily.assign(march, new Problems());
        assertThat(daily.assignAppended(digestOf(april), added(march, april), previous, new Problems()))
                .as("the first day of a month refits").isEmpty();

        List<Paper> day2 = upTo(generated, march31.plusDays(2));
        Assignment first = daily.assign(april, new Problems());
        assertThat(daily.assignAppended(digestOf(day2), added(april, day2), first, new Problems())).as("with its store").isPresent();
        assertThat(daily.assignAppended(digestOf(day2), added(april, day2), first.withStoreKey(""), new Problems()))
                .as("an archive kept without the store's key").isEmpty();
        assertThat(daily.assignAppended(digestOf(day2), added(april, day2), first.withStoreKey("0123"), new Problems()))
                .as("an archive kept with another store's key").isEmpty();
        assertThat(themes("auto").assignAppended(digestOf(day2), added(april, day2), first, new Problems()))
                .as("an assigner keeping nothing").isEmpty();
        Path store = DailyStore.location(ThemeCache.location(dir.resolve("site")));
        byte[] whole = Files.readAllBytes(store);
        Files.write(store, java.util.Arrays.copyOf(whole, whole.length - 7));
        assertThat(daily.assignAppended(digestOf(day2), added(april, day2), first, new Problems())).as("truncated").isEmpty();
        Files.delete(store);
        assertThat(daily.assignAppended(digestOf(day2), added(april, day2), first, new Problems())).as("missing").isEmpty();

        daily.assign(april, new Problems());
        // A store made for another mode is not used.
        Themes curated = (Themes) themes("curated").cachedFor(dir.resolve("site"));
        assertThat(curated.assignAppended(digestOf(day2), added(april, day2), first, new Problems())).as("another mode").isEmpty();
        // Nor one made for another fit set (a paper of March gone): also what a build killed after writing the store
        // but before keeping the archive leaves, the archive still naming the store before.
        List<Paper> fewer = new ArrayList<>(april);
        fewer.remove(fewer.stream().filter(p -> p.firstSeen().isBefore(LocalDate.of(2016, 4, 1))).findFirst().orElseThrow());
        daily.assign(fewer, new Problems());
        assertThat(daily.assignAppended(digestOf(day2), added(april, day2), first, new Problems())).as("another fit set").isEmpty();
    }

    /**
     * The daily case over an archive read lazily ({@link ArchiveGuard}): the themes of a new day read the days of the
     * latest month and that month's papers, and give them to the digest without walking the archive; the result is
     * the full assignment's.
     */
    @Test
    void aNewDayReadsOnlyTheLatestMonthOfTheArchiveAndNeverWalksIt(@TempDir Path dir) {
        LocalDate april2 = LocalDate.of(2016, 4, 2);
        List<Paper> before = upTo(generated, april2), after = upTo(generated, april2.plusDays(1));
        Set<String> added = added(before, after);
        for (String mode : List.of("auto", "curated")) {
            Themes daily = (Themes) themes(mode).cachedFor(dir.resolve(mode));
            Assignment previous = daily.assign(before, new Problems());
            // The archive as the previous build kept it (its papers with their themes), with the new day appended.
            ArchiveGuard guard = new ArchiveGuard(previous.applyTo(digestOf(after)));
            assertThat(daily.placesLatestMonthOnly(guard.digest())).as(mode + ": frozen").isTrue();
            Assignment a = daily.assignAppended(guard.digest(), added, previous, new Problems()).orElseThrow();
            Set<String> changed = a.changed().orElseThrow();
            Digest themed = a.applyTo(guard.digest(), changed);
            assertThat(guard.walked()).as(mode + ": every paper walked").isFalse();
            assertThat(guard.months()).as(mode + ": months read").containsExactly(YearMonth.of(2016, 4));
            assertThat(changed).as(mode + ": the papers given themes").isEqualTo(added);

            Assignment full = themes(mode).assign(after, new Problems());
            assertThat(themed.papers()).as(mode + ": papers").isEqualTo(full.applyTo(digestOf(after)).papers());
            assertThat(themed.papersBySlug()).as(mode + ": by slug").isEqualTo(full.applyTo(digestOf(after)).papersBySlug());
            assertThat(themed.themes()).as(mode + ": themes").isEqualTo(full.themes());
        }
    }

    /**
     * The latest month found from its days alone: the papers first seen in it, in first-seen order, which a frozen
     * fit set leaves out; frozen as from the papers, on either side of a month boundary and on a young archive.
     */
    @Test
    void theLatestMonthFromItsDaysIsWhatTheFitSetLeavesOut() {
        for (LocalDate day : List.of(LocalDate.of(2016, 3, 31), LocalDate.of(2016, 4, 1), LocalDate.of(2016, 4, 3))) {
            List<Paper> papers = upTo(generated, day);
            Digest digest = digestOf(papers);
            FitSet.LatestMonth month = FitSet.latestMonth(digest);
            assertThat(month.monthStart()).as(day + ": month").isEqualTo(day.withDayOfMonth(1).toEpochDay());
            assertThat(month.papers()).as(day + ": first seen in order").isEqualTo(digest.firstSeenOrder()
                    .subList(papers.size() - month.papers().size(), papers.size()));
            assertThat(month.papers().stream().map(Paper::slug).collect(Collectors.toSet())).as(day + ": its papers")
                    .isEqualTo(papers.stream().filter(p -> !p.firstSeen().isBefore(day.withDayOfMonth(1)))
                            .map(Paper::slug).collect(Collectors.toSet()));
            boolean frozen = FitSet.frozen(papers);
            assertThat(FitSet.frozen(digest)).as(day + ": frozen").isEqualTo(frozen);
            if (frozen) {
                boolean[] fit = FitSet.of(papers);
                assertThat(month.papers().size()).as(day + ": outside the fit set").isEqualTo(papers.size() - count(fit));
            }
        }
        assertThat(FitSet.frozen(upTo(generated, LocalDate.of(2016, 4, 1)))).as("April 1st").isTrue();
        List<Paper> young = upTo(fromSample, LocalDate.of(2025, 1, 20));
        assertThat(FitSet.frozen(digestOf(young))).as("a young archive").isFalse().isEqualTo(FitSet.frozen(young));
    }

    @Test
    void theSampleIsTooYoungForAFrozenFitSet(@TempDir Path dir) throws Exception {
        List<Paper> sample = ThemesBench.samplePapers();
        ThemeAssigner daily = themes("curated").cachedFor(dir.resolve("site"));
        Assignment all = daily.assign(sample, new Problems());
        LocalDate last = sample.stream().map(Paper::firstSeen).max(Comparator.naturalOrder()).orElseThrow();
        List<Paper> before = sample.stream().filter(p -> p.firstSeen().isBefore(last)).toList();
        assertThat(daily.placesLatestMonthOnly(digestOf(sample))).isFalse();
        assertThat(all.storeKey()).as("no store kept").isEmpty();
        assertThat(daily.assignAppended(digestOf(sample), added(before, sample), all, new Problems())).isEmpty();
    }
}
