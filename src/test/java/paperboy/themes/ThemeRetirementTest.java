package paperboy.themes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import paperboy.assemble.ThemeAssigner;
import paperboy.config.ThemesConfig;
import paperboy.model.Paper;
import paperboy.model.RetiredTheme;
import paperboy.model.Theme;
import paperboy.problems.Problems;

/**
 * A theme the lineage retires: six papers in February on a topic of their own ("zorblax widgets") make a theme of
 * the March refit; in March the topic's words flood half the archive, so at the April refit they say nothing
 * (in half the papers, out of the vocabulary), the six papers fit no theme, and the theme retires. Its URL is then
 * a retired theme's, pointing to where the six papers went.
 */
class ThemeRetirementTest {

    private static List<Paper> archive() throws Exception {
        List<Paper> made = ThemesBench.synthetic(ThemesBench.samplePapers(), 1220);
        List<Paper> out = new ArrayList<>();
        LocalDate jan = LocalDate.of(2025, 1, 1), mar = LocalDate.of(2025, 3, 1);
        for (int i = 0; i < 590; i++) out.add(dated(made.get(i), jan.plusDays(i / 10), ""));
        for (int i = 0; i < 6; i++) {
            out.add(new Paper("zorblax-" + i, "Zorblax Widget Frobnication " + (i + 1), Optional.of("Zorblax widget frobnication."),
                    List.of(LocalDate.of(2025, 2, 10 + i)), 0, 0, List.of(), List.of(), made.get(i).firstSource(),
                    Optional.empty(), List.of()));
        }
        for (int i = 590; i < 1210; i++) out.add(dated(made.get(i), mar.plusDays((i - 590) / 20), " Zorblax widget frobnication."));
        for (int i = 1210; i < 1220; i++) out.add(dated(made.get(i), LocalDate.of(2025, 4, 1), ""));
        return out;
    }

    private static Paper dated(Paper p, LocalDate day, String extra) {
        return new Paper(p.slug(), p.title(), p.abstractRaw().map(a -> a + extra), List.of(day), 0, 0, List.of(),
                List.of(), p.firstSource(), Optional.empty(), List.of());
    }

    @Test
    void aThemeLeftWithoutPapersRetiresAndSaysWhereTheyWent() throws Exception {
        List<Paper> papers = archive();
        ThemeAssigner themes = Themes.forBuild(ThemesConfig.defaults(), "auto", Path.of("content"));
        ThemeAssigner.Assignment march = themes.assign(ContinuityBench.upTo(papers, LocalDate.of(2025, 3, 1)), new Problems());
        String slug = march.paperThemes().get("zorblax-0").get(0);
        Theme zorblax = march.themes().stream().filter(t -> t.slug().equals(slug)).findFirst().orElseThrow();
        System.out.println("retiring: " + zorblax.name() + " " + zorblax.paperSlugs());
        // The six, and March's first papers, which bring the topic's words along.
        assertThat(zorblax.paperSlugs()).contains("zorblax-0", "zorblax-1", "zorblax-2", "zorblax-3", "zorblax-4", "zorblax-5");
        assertThat(march.retired()).isEmpty();

        ThemeAssigner.Assignment april = themes.assign(ContinuityBench.upTo(papers, LocalDate.of(2025, 4, 1)), new Problems());
        assertThat(april.themes()).extracting(Theme::slug).doesNotContain(slug);
        String now = april.paperThemes().get("zorblax-0").get(0);
        System.out.println("retired: " + april.retired());
        assertThat(april.retired()).containsExactly(new RetiredTheme(slug, zorblax.name(), YearMonth.of(2025, 4),
                List.of(new RetiredTheme.Successor(now, 6))));
    }
}
