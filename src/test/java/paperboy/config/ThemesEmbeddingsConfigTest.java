package paperboy.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperboy.problems.Problem;
import paperboy.problems.Problems;

class ThemesEmbeddingsConfigTest {
    @TempDir
    Path dir;

    private SiteConfig load(String yaml, Problems problems) throws IOException {
        Path f = dir.resolve("paperboy.yml");
        Files.writeString(f, yaml);
        return ConfigLoader.load(f, true, problems).orElseThrow();
    }

    @Test
    void embeddingsAreOffUnlessTurnedOn() throws IOException {
        Problems problems = new Problems();
        assertThat(load("title: T\n", problems).themes().embeddingsOn()).contains(false);
        assertThat(load("themes:\n  embeddings: on\n", problems).themes().embeddingsOn()).contains(true);
        assertThat(load("themes: {embeddings: off, mode: auto}\n", problems).themes().embeddingsOn()).contains(false);
        assertThat(load("themes:\n  embeddings: true\n", problems).themes().embeddingsOn()).contains(true);
        assertThat(problems.hasErrors()).isFalse();
    }

    @Test
    void anythingElseIsAnError() throws IOException {
        Problems problems = new Problems();
        load("themes:\n  embeddings: sometimes\n", problems);
        assertThat(problems.sorted()).extracting(Problem::toString).singleElement().asString()
                .endsWith("paperboy.yml: themes.embeddings: \"sometimes\" is not on or off");
    }
}
