package paperboy.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperboy.render.Output;

/** A new site written from many threads at once holds every file whole, in its folder. */
class SiteWriterTest {
    @TempDir
    Path dir;

    @Test
    void filesOfAnySizeFromManyThreadsIntoSharedAndNewFoldersArriveWhole() throws Exception {
        Path site = dir.resolve("site");
        SiteWriter.Session s = new SiteWriter().open(site);
        // 400 files: four to a folder, folders two deep, sizes from empty to 3 MB (a month's data file).
        byte[][] bytes = new byte[400][];
        SplittableRandom rnd = new SplittableRandom(7);
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = new byte[i % 50 == 0 ? 3_000_000 + i : i % 7 == 0 ? 0 : rnd.nextInt(40_000)];
            rnd.nextBytes(bytes[i]);
        }
        IntStream.range(0, bytes.length).parallel().forEach(i -> {
            try {
                s.put(new Output("papers/" + (i / 40) + "/" + (i / 4) + "/" + i + ".bin", bytes[i], "test"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        WriteStats stats = s.commit();
        assertThat(stats.files()).isEqualTo(400);
        for (int i = 0; i < bytes.length; i++) {
            assertThat(Files.readAllBytes(site.resolve("papers/" + (i / 40) + "/" + (i / 4) + "/" + i + ".bin")))
                    .as("file %d", i).isEqualTo(bytes[i]);
        }
        try (var files = Files.walk(site)) {
            assertThat(files.filter(Files::isRegularFile).count()).isEqualTo(401); // and the site marker
        }
    }
}
