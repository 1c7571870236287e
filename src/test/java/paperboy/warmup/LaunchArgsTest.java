package paperboy.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The argument file that runs a short command in one JVM with the second JVM's options of {@code java -jar}. */
class LaunchArgsTest {
    @TempDir
    Path tmp;

    @Test
    void oneJvmWithTheShortRunOptionsThenTheJar() throws Exception {
        Path jar = Files.writeString(tmp.resolve("paperboy.jar"), "jar bytes");
        List<String> words = LaunchArgs.words(jar);
        assertThat(words).startsWith("-Dpaperboy.fastStart=false", "-XX:TieredStopAtLevel=1")
                .contains("-XX:+UseParallelGC")
                .doesNotContain("-XX:AOTCache=" + tmp.resolve("paperboy.aot")) // none made yet
                .endsWith("-jar", jar.toString());
        Path cache = Files.writeString(tmp.resolve("paperboy.aot"), "made by the training build");
        if (Runtime.version().feature() >= FastStart.Cache.SINCE_JDK) {
            assertThat(LaunchArgs.words(jar)).containsSubsequence("-XX:AOTCache=" + cache, "-jar", jar.toString());
        }
    }

    @Test
    void theFileIsOneWordALineQuotedWhereTheJavaLauncherWouldSplitOrUnescapeIt() throws Exception {
        assertThat(LaunchArgs.quoted(List.of("-jar", "/my jars/paperboy.jar", "C:\\pb\\paperboy.jar", "a\"b")))
                .containsExactly("-jar", "\"/my jars/paperboy.jar\"", "\"C:\\\\pb\\\\paperboy.jar\"", "\"a\\\"b\"");
        Path jar = Files.writeString(Files.createDirectories(tmp.resolve("my jars")).resolve("paperboy.jar"), "jar");
        Path file = tmp.resolve("paperboy.args");
        LaunchArgs.main(new String[] {jar.toString(), file.toString()});
        assertThat(Files.readAllLines(file)).endsWith("-jar", "\"" + jar.toAbsolutePath() + "\"");
    }
}
