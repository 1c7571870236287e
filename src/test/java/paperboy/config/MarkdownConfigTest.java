package paperboy.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperboy.problems.Problem;
import paperboy.problems.Problems;

class MarkdownConfigTest {
    @TempDir
    Path dir;

    private SiteConfig load(String yaml, Problems problems) throws IOException {
        Path f = dir.resolve("paperboy.yml");
        Files.writeString(f, yaml);
        return ConfigLoader.load(f, true, problems).orElseThrow();
    }

    @Test
    void safelistDefaultsToRelaxedAndCanBeChosen() throws IOException {
        Problems problems = new Problems();
        assertThat(load("title: T\n", problems).markdown().safelist()).isEqualTo("relaxed");
        assertThat(load("markdown:\n  safelist: basic\n", problems).markdown().safelist()).isEqualTo("basic");
        assertThat(problems.hasErrors()).isFalse();
    }

    @Test
    void unknownSafelistIsAnError() throws IOException {
        Problems problems = new Problems();
        load("markdown:\n  safelist: anything-goes\n", problems);
        assertThat(problems.sorted()).extracting(Problem::toString).singleElement().asString()
                .endsWith("paperboy.yml: markdown.safelist: \"anything-goes\" is not one of basic, basicWithImages, relaxed");
    }
}
