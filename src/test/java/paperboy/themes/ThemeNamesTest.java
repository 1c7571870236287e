package paperboy.themes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import paperboy.config.ThemesConfig;
import paperboy.model.Theme;
import paperboy.themes.cluster.ThemeNamer;

/** Automatic themes are named apart: no two share a leading phrase, no name begins another. */
class ThemeNamesTest {

    @Test
    void nearDuplicateNamesClash() {
        assertThat(ThemeNamer.clash("In-Context Learning", "In-Context Learning & Multimodal")).isTrue();
        assertThat(ThemeNamer.clash("In-Context Learning", "In-Context Learning (Transformers Learn)")).isTrue();
        assertThat(ThemeNamer.clash("Text", "Text Generation")).isTrue();
        assertThat(ThemeNamer.clash("Image Generation", "Image Captioning")).isFalse();
        assertThat(ThemeNamer.clash("Long-Context", "Long Video")).isFalse();
    }

    @Test
    void theSamplesAutomaticThemesHaveNoNearDuplicateNames() throws Exception {
        List<Theme> themes = Themes.forBuild(ThemesConfig.defaults(), "auto", Path.of("content"))
                .assign(ThemesBench.samplePapers()).themes();
        List<String> names = themes.stream().map(Theme::name).filter(n -> !n.equals("Other")).toList();
        assertThat(names).hasSizeGreaterThan(5);
        for (String a : names) {
            for (String b : names) if (a != b) assertThat(ThemeNamer.clash(a, b)).as(a + " / " + b).isFalse();
        }
    }
}
