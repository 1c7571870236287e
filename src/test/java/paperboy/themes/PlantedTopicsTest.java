package paperboy.themes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import paperboy.assemble.ThemeAssigner;
import paperboy.config.ThemesConfig;
import paperboy.model.Paper;
import paperboy.model.SourceRef;
import paperboy.model.Theme;

/** Three clearly separated topics, ten papers each: automatic themes must recover them exactly. */
class PlantedTopicsTest {
    static final List<List<String>> TOPICS = List.of(
            List.of("protein", "folding", "amino", "residue", "enzyme", "molecular", "binding", "peptide", "structure",
                    "docking", "ligand", "biology"),
            List.of("galaxy", "telescope", "stellar", "cosmic", "redshift", "supernova", "orbit", "planet", "astronomy",
                    "nebula", "quasar", "spectra"),
            List.of("soccer", "football", "league", "goalkeeper", "striker", "tournament", "referee", "match", "penalty",
                    "stadium", "coach", "season"));
    static final List<String> COMMON = List.of("analysis", "framework", "evaluation", "data", "study", "performance",
            "benchmark", "large", "dataset", "accuracy");

    static List<Paper> planted(long seed) {
        Random rng = new Random(seed);
        List<Paper> papers = new ArrayList<>();
        for (int t = 0; t < TOPICS.size(); t++) {
            for (int i = 0; i < 10; i++) {
                List<String> words = new ArrayList<>(TOPICS.get(t));
                Collections.shuffle(words, rng);
                String title = String.join(" ", words.subList(0, 4));
                StringBuilder abs = new StringBuilder();
                for (int w = 0; w < 40; w++) {
                    List<String> from = rng.nextInt(10) < 7 ? TOPICS.get(t) : COMMON;
                    abs.append(from.get(rng.nextInt(from.size()))).append(w % 10 == 9 ? ". " : " ");
                }
                String slug = String.format(Locale.ROOT, "topic%d-paper%02d", t, i);
                papers.add(new Paper(slug, title, Optional.of(abs.toString().strip()), List.of(LocalDate.of(2025, 3, 1 + i)),
                        0, 0, List.of(), List.of(), SourceRef.file(Path.of("planted")), Optional.empty(), List.of()));
            }
        }
        papers.sort((a, b) -> a.slug().compareTo(b.slug()));
        return papers;
    }

    @Test
    void autoModeRecoversThePlantedTopicsExactly() {
        ThemeAssigner auto = Themes.forBuild(new ThemesConfig("auto", 2, 8), null, Path.of("no-such-content"));
        ThemeAssigner.Assignment a = auto.assign(planted(1));
        assertThat(a.themes()).hasSize(3);
        Set<Set<String>> groups = a.themes().stream()
                .map(t -> a.paperThemes().entrySet().stream().filter(e -> e.getValue().get(0).equals(t.slug()))
                        .map(Map.Entry::getKey).collect(Collectors.toSet()))
                .collect(Collectors.toSet());
        Set<Set<String>> expected = Set.of(0, 1, 2).stream()
                .map(t -> planted(1).stream().map(Paper::slug).filter(s -> s.startsWith("topic" + t)).collect(Collectors.toSet()))
                .collect(Collectors.toSet());
        assertThat(groups).isEqualTo(expected);
        assertThat(a.themes()).extracting(Theme::slug).doesNotContain("other");
    }

    @Test
    void plantedThemesAreNamedAfterTheirTopicWords() {
        ThemeAssigner auto = Themes.forBuild(new ThemesConfig("auto", 2, 8), null, Path.of("no-such-content"));
        List<String> names = auto.assign(planted(1)).themes().stream().map(Theme::name).toList();
        assertThat(names).hasSize(3);
        for (int t = 0; t < 3; t++) {
            Set<String> words = TOPICS.get(t).stream().collect(Collectors.toSet());
            assertThat(names).anySatisfy(n -> assertThat(List.of(n.toLowerCase(Locale.ROOT).split("[ &]+")))
                    .isNotEmpty().allSatisfy(w -> assertThat(words.stream().anyMatch(x -> x.startsWith(w) || w.startsWith(x.substring(0, 4)))).isTrue()));
        }
    }

    @Test
    void relatedPapersStayWithinTheirTopic() {
        ThemeAssigner auto = Themes.forBuild(new ThemesConfig("auto", 2, 8), null, Path.of("no-such-content"));
        ThemeAssigner.Assignment a = auto.assign(planted(2));
        a.related().forEach((slug, related) -> {
            assertThat(related).hasSize(5);
            assertThat(related).allSatisfy(r -> assertThat(r.substring(0, 6)).isEqualTo(slug.substring(0, 6)));
        });
    }
}
