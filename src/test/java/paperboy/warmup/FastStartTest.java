package paperboy.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When a second JVM is worth starting, and which AOT cache it gets. */
class FastStartTest {
    @TempDir
    Path tmp;

    @Test
    void aJvmNotStartedWithDashJarRunsTheCommandItself() {
        // the test JVM runs classes from target/, not java -jar: nothing to relaunch
        assertThat(FastStart.command(new String[] {"build"})).isEmpty();
        assertThat(FastStart.relaunch(new String[] {"build"})).isEmpty();
    }

    @Test
    void longRunningAndUnknownCommandsAreNeverRelaunched() {
        assertThat(FastStart.relaunch(new String[] {"serve"})).isEmpty();
        assertThat(FastStart.relaunch(new String[] {"send", "--to", "x@example.org"})).isEmpty();
        assertThat(FastStart.relaunch(new String[] {})).isEmpty();
    }

    @Test
    void hugePagesOnlyWhereTheKernelGivesThemOnRequestAndTheUserChoseNone() throws Exception {
        Path jar = tmp.resolve("paperboy.jar");
        var plain = new FastStart.Command(java.util.List.of("java", "-Xmx1g", "-cp", jar.toString()), jar, 2);
        var own = new FastStart.Command(java.util.List.of("java", "-XX:-UseTransparentHugePages", "-cp", jar.toString()), jar, 2);
        assertThat(FastStart.hugePages(own)).isEmpty();
        Path thp = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
        boolean madvise = System.getProperty("os.name").equals("Linux") && Files.isReadable(thp)
                && Files.readString(thp).contains("[madvise]");
        assertThat(FastStart.hugePages(plain))
                .isEqualTo(madvise ? java.util.List.of("-XX:+UseTransparentHugePages") : java.util.List.of());
    }

    @Test
    void onlyAFromScratchBuildOfYearsOfListingsIsLong() throws Exception {
        Path small = Files.createDirectories(tmp.resolve("small"));
        Files.writeString(small.resolve("a.txt"), "Mar 13, 2025\n");
        Path big = Files.createDirectories(tmp.resolve("big"));
        try (RandomAccessFile f = new RandomAccessFile(big.resolve("years.txt").toFile(), "rw")) {
            f.setLength(FastStart.LONG_BUILD_BYTES + 1); // sparse: takes no room
        }
        Path out = tmp.resolve("site");
        assertThat(FastStart.longBuild(new String[] {"build", "--content", small.toString(), "--out", out.toString()})).isFalse();
        assertThat(FastStart.longBuild(new String[] {"build", "--content=" + big, "--out=" + out})).isTrue();
        assertThat(FastStart.longBuild(new String[] {"themes", "--content", big.toString()})).isFalse();
        // with a build cache beside the site, the build is incremental: short
        Files.writeString(tmp.resolve(".site.cache"), "x");
        assertThat(FastStart.longBuild(new String[] {"build", "--content", big.toString(), "--out", out.toString()})).isFalse();
        assertThat(FastStart.longBuild(new String[] {"build", "--content", big.toString(), "--out", out.toString(), "--no-cache"})).isTrue();
    }

    @Test
    void aShortRunGetsTheParallelCollectorUnlessTheUserChoseOne() {
        Path jar = tmp.resolve("paperboy.jar");
        var plain = new FastStart.Command(java.util.List.of("java", "-Xmx1g", "-cp", jar.toString()), jar, 2);
        assertThat(FastStart.collector(plain)).containsExactly("-XX:+UseParallelGC");
        for (String own : java.util.List.of("-XX:+UseG1GC", "-XX:+UseSerialGC", "-XX:+UseZGC", "-XX:-UseParallelGC")) {
            var chosen = new FastStart.Command(java.util.List.of("java", own, "-cp", jar.toString()), jar, 2);
            assertThat(FastStart.collector(chosen)).as(own).isEmpty();
        }
        // options after the jar are the command's, not the JVM's
        var after = new FastStart.Command(java.util.List.of("java", "-cp", jar.toString(), "paperboy.cli.Main", "-XX:+UseG1GC"), jar, 1);
        assertThat(FastStart.collector(after)).containsExactly("-XX:+UseParallelGC");
    }

    @Test
    void theListingsAreCountedOnlyUntilTheyMakeALongBuild() throws Exception {
        Path big = Files.createDirectories(tmp.resolve("big"));
        for (int i = 0; i < 3; i++) {
            try (RandomAccessFile f = new RandomAccessFile(big.resolve("year" + i + ".txt").toFile(), "rw")) {
                f.setLength(FastStart.LONG_BUILD_BYTES); // sparse: takes no room
            }
        }
        // two of the three files are enough to know: the walk stops there
        assertThat(FastStart.contentBytes(big)).isEqualTo(2 * FastStart.LONG_BUILD_BYTES);
        assertThat(FastStart.Folders.of(new String[] {"themes", "--content", big.toString()}).largeContent()).isTrue();
        assertThat(FastStart.Folders.of(new String[] {"build", "--content", tmp.resolve("none").toString()}).largeContent()).isFalse();
        assertThat(FastStart.Folders.of(new String[] {"build", "--content=x", "--out=y", "--no-cache"}))
                .isEqualTo(new FastStart.Folders(Path.of("x"), Path.of("y"), true));
    }

    @Test
    void theJdksAotCacheBesideTheJarIsUsedFromJdk25On() throws Exception {
        Path jar = Files.writeString(tmp.resolve("paperboy.jar"), "jar bytes");
        assertThat(FastStart.Cache.beside(jar)).isEmpty(); // none made yet: the second JVM runs without one
        Path made = Files.writeString(tmp.resolve("paperboy.aot"), "made by the training build");
        if (Runtime.version().feature() < FastStart.Cache.SINCE_JDK) {
            assertThat(FastStart.Cache.beside(jar)).isEmpty(); // an older JVM would refuse -XX:AOTCache
            return;
        }
        FastStart.Cache cache = FastStart.Cache.beside(jar).orElseThrow();
        assertThat(cache.file()).isEqualTo(made.toAbsolutePath());
        // the JVM itself checks the cache against the jar and the JDK, and runs without it when they differ
        assertThat(cache.options()).containsExactly("-XX:AOTCache=" + made.toAbsolutePath(), "-Xlog:aot*=off");
        cache.delete(); // what a cache that crashed the JVM gets
        assertThat(made).doesNotExist();
    }

    @Test
    void aCacheOthersMayWriteIsNotUsed() throws Exception {
        Path jar = Files.writeString(tmp.resolve("paperboy.jar"), "jar bytes");
        Path planted = Files.writeString(tmp.resolve("paperboy.aot"), "planted");
        Files.setPosixFilePermissions(planted, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw-rw-"));
        assertThat(FastStart.Cache.beside(jar)).isEmpty();
        Files.setPosixFilePermissions(planted, java.nio.file.attribute.PosixFilePermissions.fromString("r--r--r--"));
        assertThat(FastStart.Cache.beside(jar).isPresent()).isEqualTo(Runtime.version().feature() >= FastStart.Cache.SINCE_JDK);
    }
}
