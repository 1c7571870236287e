package paperboy.themes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import java.nio.file.Path;
import paperboy.assemble.ThemeAssigner;
import paperboy.config.ThemesConfig;
import paperboy.model.Paper;

/** A monthly refit keeps the archive's themes: papers keep their primary theme, themes keep their URLs. */
class ThemeContinuityTest {

    /** 1,000 papers made from the sample's, 10 a day from 1 January 2025 to 10 April: three month boundaries. */
    private static List<Paper> archive() throws Exception {
        List<Paper> made = ThemesBench.synthetic(ThemesBench.samplePapers(), 1000);
        List<Paper> out = new ArrayList<>();
        for (int i = 0; i < made.size(); i++) {
            Paper p = made.get(i);
            out.add(new Paper(p.slug(), p.title(), p.abstractRaw(), List.of(LocalDate.of(2025, 1, 1).plusDays(i / 10)),
                    0, 0, List.of(), List.of(), p.firstSource(), Optional.empty(), List.of()));
        }
        return out;
    }

    @Test
    void everyRefitKeepsNineInTenPrimaryThemesAndTheThemesURLs() throws Exception {
        assertContinuity(ContinuityBench.measure(archive()));
    }

    /** With embeddings the themes are the consensus clustering's, grown the same way along the months. */
    @Test
    void withEmbeddingsEveryRefitKeepsNineInTenPrimaryThemesAndTheThemesURLs() throws Exception {
        ThemeAssigner themes = Themes.forBuild(ThemesConfig.Mode.AUTO, ThemesConfig.defaults(), Path.of("content"),
                Optional.of(new EmbeddedThemesTest.CountingEmbedder()));
        assertContinuity(ContinuityBench.measure(archive(), themes));
    }

    private static void assertContinuity(List<ContinuityBench.Refit> refits) {
        assertThat(refits).extracting(ContinuityBench.Refit::month).containsExactly(
                LocalDate.of(2025, 2, 1), LocalDate.of(2025, 3, 1), LocalDate.of(2025, 4, 1));
        for (ContinuityBench.Refit r : refits) {
            System.out.println("continuity: " + r);
            assertThat(r.primaryKept()).as(r.month() + " primary themes kept").isGreaterThanOrEqualTo(0.9);
            assertThat(r.slugsKept()).as(r.month() + " theme URLs kept").isGreaterThanOrEqualTo(0.8);
            assertThat(r.urlsLeading()).as(r.month() + " theme URLs that lead to a theme or a retired theme's page")
                    .isEqualTo(1.0);
        }
    }
}
