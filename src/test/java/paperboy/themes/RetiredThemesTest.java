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

/** What the lineage drops becomes a retired theme pointing to where its papers are now. */
class RetiredThemesTest {
    private static Theme theme(String slug) {
        return new Theme(slug, slug, "", List.of(), List.of(), false);
    }

    @Test
    void aDroppedThemePointsToThePrimaryThemesOfItsPapersMostFirst() {
        var dropped = List.of(new ThemeLineage.Retired("Agents & Tools", YearMonth.of(2025, 3), List.of("p1", "p2", "p3", "p4")));
        Map<String, List<String>> now = Map.of("p1", List.of("video", "agents"), "p2", List.of("reasoning"),
                "p3", List.of("reasoning", "video"), "p4", List.of());
        List<RetiredTheme> retired = ThemeEngine.retired(dropped, List.of(theme("reasoning"), theme("video")), now);
        assertThat(retired).containsExactly(new RetiredTheme("agents-tools", "Agents & Tools", YearMonth.of(2025, 3),
                List.of(new RetiredTheme.Successor("reasoning", 2), new RetiredTheme.Successor("video", 1))));
        assertThat(retired.get(0).main()).contains(new RetiredTheme.Successor("reasoning", 2));
    }

    @Test
    void aNameLiveAgainIsNoRetiredThemeAndTheLaterOfTwoDropsWins() {
        var dropped = List.of(new ThemeLineage.Retired("Video", YearMonth.of(2025, 2), List.of("p1")),
                new ThemeLineage.Retired("Speech", YearMonth.of(2025, 2), List.of("p1")),
                new ThemeLineage.Retired("speech", YearMonth.of(2025, 4), List.of("p2")));
        Map<String, List<String>> now = Map.of("p1", List.of("video"), "p2", List.of("video"));
        List<RetiredTheme> retired = ThemeEngine.retired(dropped, List.of(theme("video")), now);
        assertThat(retired).extracting(RetiredTheme::slug, RetiredTheme::name, RetiredTheme::retiredOn)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("speech", "speech", YearMonth.of(2025, 4)));
    }

    @Test
    void theRetiredThemesAreKeptBesideTheModelUnderItsKey(@TempDir Path tmp) {
        RetiredCache cache = RetiredCache.beside(tmp.resolve(".site.themes"));
        var dropped = List.of(new ThemeLineage.Retired("Agents", YearMonth.of(2025, 3), List.of("p1", "p2")));
        byte[] key = {1, 2, 3}, other = {1, 2, 4};
        assertThat(cache.find(key)).isEmpty();
        cache.keep(key, dropped);
        assertThat(cache.find(key)).contains(dropped);
        assertThat(cache.find(other)).isEmpty();
        assertThat(RetiredCache.NONE.find(key)).isEmpty();
    }
}
