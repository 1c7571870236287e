package paperboy.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SafePathsTest {
    final Path root = Path.of("/srv/site");

    @Test
    void mapsOrdinaryPathsInsideTheRoot() {
        assertThat(SafePaths.resolve(root, "/")).contains(root);
        assertThat(SafePaths.resolve(root, "/days/2025-03-13/")).contains(root.resolve("days/2025-03-13"));
        assertThat(SafePaths.resolve(root, "/papers/a%20b/index.html")).contains(root.resolve("papers/a b/index.html"));
    }

    @Test
    void refusesEveryWayOut() {
        for (String p : new String[] {"/..", "/../x", "/a/../../x", "/%2e%2e/x", "/%2E%2e/x", "/a/%2e%2e/%2e%2e/x",
                "/a%2f..%2f..%2fx", "/a%2F..%2Fx", "/..%5cx", "/a\\..\\x", "/./x", "/%00", "/%zz", "x", "",
                "/C:/windows"}) {
            assertThat(SafePaths.resolve(root, p)).as(p).isEmpty();
        }
        assertThat(SafePaths.resolve(root, null)).isEmpty();
    }
}
