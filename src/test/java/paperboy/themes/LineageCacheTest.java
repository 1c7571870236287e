package paperboy.themes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperboy.assemble.ThemeAssigner;
import paperboy.config.ThemesConfig;
import paperboy.model.Paper;
import paperboy.problems.Problems;
import paperboy.themes.cache.LineageState;
import paperboy.themes.cache.ModelCache;
import paperboy.themes.cache.ThemeCache;
import paperboy.themes.cluster.FittedModel;
import paperboy.themes.text.Corpus;
import paperboy.themes.text.PaperTerms;
import paperboy.themes.text.TermAnalyzer;

/**
 * The theme cache keeps the lineage's state at month boundaries: a build that starts a month resumes from the
 * previous month's state instead of regrowing the lineage from the archive's start, and assigns exactly what a
 * build without any cache does.
 */
class LineageCacheTest {
    private static List<Paper> archive;

    /** 1,300 papers made from the sample's, 10 a day from 1 January 2025 to 10 May: the lineage starts in March. */
    @BeforeAll
    static void papers() throws Exception {
        List<Paper> made = ThemesBench.synthetic(ThemesBench.samplePapers(), 1300);
        archive = new ArrayList<>();
        for (int i = 0; i < made.size(); i++) {
            Paper p = made.get(i);
            archive.add(new Paper(p.slug(), p.title(), p.abstractRaw(), List.of(LocalDate.of(2025, 1, 1).plusDays(i / 10)),
                    0, 0, List.of(), List.of(), p.firstSource(), Optional.empty(), List.of()));
        }
    }

    private static List<Paper> upTo(int month, int day) {
        LocalDate last = LocalDate.of(2025, month, day);
        return archive.stream().filter(p -> !p.firstSeen().isAfter(last)).toList();
    }

    @Test
    void buildsDayByDayAcrossMonthsAssignWhatBuildsWithoutACacheDo(@TempDir Path dir) {
        for (String mode : List.of("auto", "curated")) {
            ThemeAssigner plain = Themes.forBuild(ThemesConfig.defaults(), mode, Path.of("content"));
            ThemeAssigner cached = plain.cachedFor(dir.resolve(mode));
            for (List<Paper> papers : List.of(upTo(4, 10), upTo(4, 11), upTo(5, 1), upTo(5, 10))) {
                String at = mode + " up to " + papers.get(papers.size() - 1).firstSeen();
                // The same assignment; the cached one also names the daily store it keeps.
                assertThat(cached.assign(papers, new Problems()).withStoreKey("")).as(at)
                        .isEqualTo(plain.assign(papers, new Problems()));
            }
        }
    }

    @Test
    void theFirstDayOfAMonthResumesFromThePreviousMonthsBoundary(@TempDir Path dir) {
        ThemeAssigner cached = Themes.forBuild(ThemesConfig.defaults(), "auto", Path.of("content")).cachedFor(dir.resolve("site"));
        cached.assign(upTo(4, 20), new Problems()); // fitted on the papers before April: its last step is at April 1

        List<Paper> may = upTo(5, 1);
        Recording cache = new Recording(ThemeCache.read(ThemeCache.location(dir.resolve("site"))).lookUp(may));
        TermAnalyzer analyzer = new TermAnalyzer();
        ThemesConfig c = ThemesConfig.defaults().orDefaults();
        PaperTerms[] analysed = Corpus.analyse(may, analyzer, cache.inner);
        var withCache = new ThemeEngine(analyzer, c.minThemes(), c.maxThemes())
                .assign(may, analysed, Optional.empty(), new Problems(), cache);

        // May 1 (the end of the new fit set) is new; April 1 was the previous build's last step: resumed there.
        assertThat(cache.found).startsWith(false, true);
        assertThat(cache.stepsKept).as("steps taken").isEqualTo(1);
        assertThat(withCache).isEqualTo(Themes.forBuild(ThemesConfig.defaults(), "auto", Path.of("content"))
                .assign(may, new Problems()));
    }

    /** The theme cache, recording which lineage states were found and how many new ones were kept. */
    private static final class Recording implements ModelCache {
        final ThemeCache inner;
        final List<Boolean> found = new ArrayList<>();
        final List<LineageState> seen = new ArrayList<>();
        int stepsKept;

        Recording(ThemeCache inner) {
            this.inner = inner;
        }

        @Override
        public Optional<FittedModel> find(List<Paper> papers, boolean[] fit, boolean[] clustered, String config) {
            return inner.find(papers, fit, clustered, config);
        }

        @Override
        public void keep(FittedModel model) {
            inner.keep(model);
        }

        @Override
        public Optional<byte[][]> boundaryKeys(List<Paper> papers, int[] order, int[] ends, List<LocalDate> boundaries,
                                               String config) {
            return inner.boundaryKeys(papers, order, ends, boundaries, config);
        }

        @Override
        public Optional<LineageState> boundary(byte[] key) {
            Optional<LineageState> s = inner.boundary(key);
            found.add(s.isPresent());
            s.ifPresent(seen::add);
            return s;
        }

        @Override
        public void keepBoundary(byte[] key, LineageState state) {
            if (!seen.contains(state)) stepsKept++;
            inner.keepBoundary(key, state);
        }
    }
}
