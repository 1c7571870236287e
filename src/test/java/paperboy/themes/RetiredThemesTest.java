package paperboy.themes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperboy.model.RetiredTheme;
import paperboy.model.Theme;
import paperboy.themes.cache.LineageState;
import paperboy.themes.cache.ThemeCache;

/** What the lineage drops becomes a retired theme pointing to where its papers are now. */
class RetiredThemesTest {
    private static Theme theme(String slug) {
        return new Theme(slug, slug, "", List.of(), List.of(), false);
    }

    @Test
    void aDroppedThemePointsToThePrimaryThemesOfItsPapersMostFirst() {
        var dropped = List.of(new LineageState.Retired("Agents & Tools", YearMonth.of(2025, 3), List.of("p1", "p2", "p3", "p4")));
        Map<String, List<String>> now = Map.of("p1", List.of("video", "agents"), "p2", List.of("reasoning"),
                "p3", List.of("reasoning", "video"), "p4", List.of());
        List<RetiredTheme> retired = ThemeEngine.retired(dropped, List.of(theme("reasoning"), theme("video")), now);
        assertThat(retired).containsExactly(new RetiredTheme("agents-tools", "Agents & Tools", YearMonth.of(2025, 3),
                List.of(new RetiredTheme.Successor("reasoning", 2), new RetiredTheme.Successor("video", 1))));
        assertThat(retired.get(0).main()).contains(new RetiredTheme.Successor("reasoning", 2));
    }

    @Test
    void aNameLiveAgainIsNoRetiredThemeAndTheLaterOfTwoDropsWins() {
        var dropped = List.of(new LineageState.Retired("Video", YearMonth.of(2025, 2), List.of("p1")),
                new LineageState.Retired("Speech", YearMonth.of(2025, 2), List.of("p1")),
                new LineageState.Retired("speech", YearMonth.of(2025, 4), List.of("p2")));
        Map<String, List<String>> now = Map.of("p1", List.of("video"), "p2", List.of("video"));
        List<RetiredTheme> retired = ThemeEngine.retired(dropped, List.of(theme("video")), now);
        assertThat(retired).extracting(RetiredTheme::slug, RetiredTheme::name, RetiredTheme::retiredOn)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("speech", "speech", YearMonth.of(2025, 4)));
    }

    @Test
    void theDroppedThemesAreKeptWithTheLineageStateInTheThemeCache(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve(".site.themes");
        var dropped = List.of(new LineageState.Retired("Agents", YearMonth.of(2025, 3), List.of("p1", "p2")));
        byte[] key = new byte[32], other = new byte[32];
        key[0] = 1;
        other[0] = 2;
        ThemeCache cache = ThemeCache.read(file).lookUp(List.of());
        cache.keepBoundary(key, new LineageState(List.of("Video"), List.of(List.of("video")), new int[] {0, -1}, dropped));
        cache.write(file, new paperboy.themes.text.PaperTerms[0]);
        ThemeCache again = ThemeCache.read(file);
        assertThat(again.boundary(key)).get().extracting(LineageState::retired).isEqualTo(dropped);
        assertThat(again.boundary(other)).isEmpty();
    }
}
