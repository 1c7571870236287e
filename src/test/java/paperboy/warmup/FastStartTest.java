package paperboy.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When a second JVM is worth starting, and how its class-data archive is kept. */
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
    void onlyTheTrainingBuildWritesAnArchiveKeptWhenItSucceeded() throws Exception {
        Path jar = Files.writeString(tmp.resolve("paperboy.jar"), "jar bytes");
        Files.writeString(tmp.resolve("paperboy-1-2-17_abc.jsa"), "an archive of an older jar");
        Files.writeString(tmp.resolve("paperboy-0.1.0.jar"), "another jar");
        Files.writeString(tmp.resolve("paperboy-0.1.0-9-9-17_abc.jsa"), "another jar's archive");
        assertThat(FastStart.Archive.beside(jar, false)).isEmpty(); // a user's run writes none

        FastStart.Archive a = FastStart.Archive.beside(jar, true).orElseThrow();
        assertThat(a.exists()).isFalse();
        assertThat(a.file().getFileName().toString()).startsWith("paperboy-9-").endsWith(".jsa")
                .contains("-" + Runtime.version().feature());
        assertThat(tmp.resolve("paperboy-1-2-17_abc.jsa")).doesNotExist();
        assertThat(tmp.resolve("paperboy-0.1.0-9-9-17_abc.jsa")).exists();
        assertThat(a.options()).singleElement().asString().startsWith("-XX:ArchiveClassesAtExit=");

        Files.writeString(a.temporary(), "dumped");
        a.keepIfMade(1);
        assertThat(a.file()).doesNotExist();
        assertThat(a.temporary()).doesNotExist();

        Files.writeString(a.temporary(), "dumped");
        a.keepIfMade(0);
        assertThat(a.file()).hasContent("dumped");
        FastStart.Archive again = FastStart.Archive.beside(jar, false).orElseThrow();
        assertThat(again.exists()).isTrue();
        assertThat(again.options()).contains("-XX:SharedArchiveFile=" + a.file(), "-Xshare:auto");
    }

    @Test
    void anArchiveOthersMayWriteIsNotUsed() throws Exception {
        Path jar = Files.writeString(tmp.resolve("paperboy.jar"), "jar bytes");
        FastStart.Archive a = FastStart.Archive.beside(jar, true).orElseThrow();
        Files.writeString(a.file(), "planted");
        Files.setPosixFilePermissions(a.file(), java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw-rw-"));
        assertThat(FastStart.Archive.beside(jar, false)).isEmpty();
        Files.setPosixFilePermissions(a.file(), java.nio.file.attribute.PosixFilePermissions.fromString("r--r--r--"));
        assertThat(FastStart.Archive.beside(jar, false)).isPresent();
    }
}
