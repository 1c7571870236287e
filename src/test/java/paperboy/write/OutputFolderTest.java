package paperboy.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperboy.cli.Cli;

/** paperboy replaces only folders it made, refuses the rest without touching them, and writes one site at a time. */
class OutputFolderTest {
    @TempDir
    Path tmp;

    Cli build(Path out, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("build", "--content", "content", "--out", out.toString(),
                "--themes", "off"));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    void aFolderPaperboyDidNotMakeIsRefusedWithExitCode2AndLeftAsItWas() throws IOException {
        Path home = tmp.resolve("h");
        Files.createDirectories(home.resolve(".ssh"));
        Files.writeString(home.resolve(".ssh/id"), "k");
        Files.writeString(home.resolve(".gitconfig"), "[user]");
        Map<String, String> before = CommitKillTest.tree(home);

        Cli r = build(home);

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--out " + home).contains("was not made by paperboy").contains("--force")
                .doesNotContain("Exception");
        assertThat(CommitKillTest.tree(home)).isEqualTo(before);
        try (var beside = Files.list(tmp)) {
            assertThat(beside.map(p -> p.getFileName().toString())).containsExactly("h"); // no lock, no temp folder
        }
    }

    @Test
    void forceReplacesANamedFolderAndTheNextBuildNeedsNoForce() throws IOException {
        Path docs = Files.createDirectories(tmp.resolve("docs"));
        Files.writeString(docs.resolve("notes.txt"), "mine");
        Cli forced = build(docs, "--force");
        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(docs.resolve("notes.txt")).doesNotExist();
        assertThat(docs.resolve(OutputFolder.MARKER)).exists();
        assertThat(build(docs).exitCode()).isZero();
    }

    @Test
    void missingEmptyMarkedAndEarlierPaperboySitesMayBeReplaced() throws IOException {
        assertThat(OutputFolder.refusal(tmp.resolve("missing/site"), Map.of(), false)).isEmpty();
        assertThat(OutputFolder.refusal(Files.createDirectories(tmp.resolve("empty")), Map.of(), false)).isEmpty();
        Path marked = Files.createDirectories(tmp.resolve("marked"));
        Files.writeString(marked.resolve("x.html"), "x");
        Files.writeString(marked.resolve(OutputFolder.MARKER), "paperboy");
        assertThat(OutputFolder.refusal(marked, Map.of(), false)).isEmpty();
        // built by a paperboy before the marker: its home page and digest (a cache beside a folder is not enough:
        // it outlives a site the user deleted and replaced with a folder of their own)
        Path cached = Files.createDirectories(tmp.resolve("cached"));
        Files.writeString(cached.resolve("notes.txt"), "mine");
        Files.writeString(tmp.resolve(".cached.cache"), "paperboy build cache");
        assertThat(OutputFolder.refusal(cached, Map.of(), false)).isPresent();
        Path old = Files.createDirectories(tmp.resolve("old/data"));
        Files.writeString(old.resolve("digest.json"), "{}");
        Files.writeString(old.resolveSibling("index.html"), "x");
        assertThat(OutputFolder.refusal(old.getParent(), Map.of(), false)).isEmpty();
    }

    @Test
    void evenWithForceNeverTheRootHomeCurrentOrInputFoldersNorWhatHoldsThem() throws IOException {
        Path content = Files.createDirectories(tmp.resolve("project/content"));
        Path config = tmp.resolve("elsewhere/paperboy.yml");
        Map<String, Path> inputs = Map.of("the content folder", content, "the config file", config);
        assertThat(OutputFolder.refusal(Path.of("/"), inputs, true)).contains("it is the root of the file system");
        assertThat(OutputFolder.refusal(Path.of(System.getProperty("user.home")), inputs, true)).contains("it is the home folder");
        assertThat(OutputFolder.refusal(Path.of(""), inputs, true)).contains("it is the current folder");
        assertThat(OutputFolder.refusal(Path.of("").toAbsolutePath().getParent(), inputs, true)).contains("it holds the current folder");
        assertThat(OutputFolder.refusal(tmp.resolve("project"), inputs, true)).hasValueSatisfying(m -> assertThat(m).startsWith("it holds"));
        assertThat(OutputFolder.refusal(content, inputs, true)).contains("it is the content folder " + content);
        assertThat(OutputFolder.refusal(content.resolve("site"), inputs, true)).hasValueSatisfying(m -> assertThat(m).startsWith("it is inside"));
        assertThat(OutputFolder.refusal(tmp.resolve("elsewhere"), inputs, true)).hasValueSatisfying(m -> assertThat(m).startsWith("it holds"));
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        assertThat(OutputFolder.refusal(file, inputs, true)).contains("it exists and is not a folder");
    }

    @Test
    void twoBuildsOfOneSiteAtOnceNeverMixTheirOutput() throws Exception {
        Path site = tmp.resolve("out/site");
        Path reference = tmp.resolve("ref/site");
        assertThat(build(reference, "--no-cache").exitCode()).isZero();
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Cli>> builds = List.of(1, 2, 3).stream().map(i -> CompletableFuture.supplyAsync(() -> {
            try {
                go.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return build(site, "--no-cache");
        })).toList();
        go.countDown();
        int ok = 0;
        for (var b : builds) {
            Cli r = b.get();
            if (r.exitCode() == 0) ok++;
            else assertThat(r.err()).contains("another paperboy").contains("is writing " + site).contains("wait for it");
        }
        assertThat(ok).isGreaterThanOrEqualTo(1);
        assertThat(CommitKillTest.tree(site)).isEqualTo(CommitKillTest.tree(reference));
    }

    @Test
    void aSecondWriterIsRefusedWhileTheLockIsHeld() throws IOException {
        Path site = tmp.resolve("locked/site");
        try (SiteLock held = SiteLock.acquire(site)) {
            Cli r = build(site);
            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(r.err()).contains("another paperboy (pid " + ProcessHandle.current().pid() + " since");
            assertThat(site).doesNotExist();
        }
        assertThat(build(site).exitCode()).isZero();
    }

    @Test
    void leftoversOfKilledFullBuildsAreRemovedByTheNextBuild() throws IOException {
        Path site = tmp.resolve("k/site");
        assertThat(build(site).exitCode()).isZero();
        Files.createDirectories(tmp.resolve("k/.site.tmp-123/day"));
        Files.writeString(tmp.resolve("k/.site.tmp-123/day/x.html"), "half");
        Files.createDirectories(tmp.resolve("k/.site.old-456"));
        assertThat(build(site, "--no-cache").exitCode()).isZero();
        try (var beside = Files.list(tmp.resolve("k"))) {
            assertThat(beside.map(p -> p.getFileName().toString())).doesNotContain(".site.tmp-123", ".site.old-456");
        }
    }
}
