package paperboy.themes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import paperboy.assemble.ThemeAssigner;
import paperboy.config.ThemesConfig;
import paperboy.model.Paper;
import paperboy.model.SourceRef;
import paperboy.model.Theme;

/** Whatever the papers (none alike, all alike, one, many), the assignment keeps its promises. */
class ThemeInvariantsTest {

    static List<Paper> randomPapers(long seed, int n) {
        Random rng = new Random(seed);
        List<String> vocabulary = new ArrayList<>();
        PlantedTopicsTest.TOPICS.forEach(vocabulary::addAll);
        vocabulary.addAll(PlantedTopicsTest.COMMON);
        List<Paper> papers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int words = rng.nextInt(30); // sometimes an empty abstract, sometimes a title of stop words only
            StringBuilder abs = new StringBuilder();
            for (int w = 0; w < words; w++) abs.append(vocabulary.get(rng.nextInt(vocabulary.size()))).append(' ');
            String title = rng.nextInt(8) == 0 ? "On the of and" : vocabulary.get(rng.nextInt(vocabulary.size())) + " "
                    + vocabulary.get(rng.nextInt(vocabulary.size()));
            papers.add(new Paper(String.format(Locale.ROOT, "p%03d", i), title,
                    words == 0 ? Optional.empty() : Optional.of(abs.toString().strip()),
                    List.of(LocalDate.of(2025, 1, 1 + rng.nextInt(28))), 0, 0, List.of(), List.of(),
                    SourceRef.file(Path.of("random")), Optional.empty(), List.of()));
        }
        return papers;
    }

    @Property(tries = 40)
    void everyPaperGetsOneToThreeThemesSmallThemesOnlyAsOther(@ForAll long seed, @ForAll @IntRange(min = 0, max = 60) int n) {
        ThemeAssigner auto = Themes.forBuild(new ThemesConfig("auto", 2, 10), null, Path.of("no-such-content"));
        List<Paper> papers = randomPapers(seed, n);
        ThemeAssigner.Assignment a = auto.assign(papers);
        assertThat(a.paperThemes().keySet()).hasSize(n);
        Map<String, Theme> bySlug = a.themes().stream().collect(Collectors.toMap(Theme::slug, t -> t));
        a.paperThemes().forEach((slug, themes) -> {
            assertThat(themes).isNotEmpty().hasSizeLessThanOrEqualTo(3).doesNotHaveDuplicates();
            themes.forEach(t -> assertThat(bySlug.get(t).paperSlugs()).contains(slug));
        });
        for (Theme t : a.themes()) {
            long primary = a.paperThemes().values().stream().filter(ts -> ts.get(0).equals(t.slug())).count();
            if (!t.slug().equals("other")) assertThat(primary).as(t.name()).isGreaterThanOrEqualTo(3);
        }
        a.related().forEach((slug, related) -> assertThat(related).hasSizeLessThanOrEqualTo(5).doesNotContain(slug));
        assertThat(auto.assign(papers)).isEqualTo(a);
    }
}
