package paperboy.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperboy.render.Output;

/**
 * A commit stopped at any step, as a kill would stop it, leaves the old site or (after the next build's
 * recovery) the new one, byte for byte, and no leftovers beside it. A commit that fails at any step, as a
 * full disk makes it fail, leaves the old site at once, or says it did not.
 */
class CommitKillTest {
    @TempDir
    Path tmp;

    /** What a kill does to the build: nothing after it runs, no catch, no clean-up. */
    static final class Killed extends Error {
        Killed() {
            super("killed", null, false, false);
        }
    }

    static final List<Output> OLD = List.of(
            Output.text("index.html", "old home", "t"),
            Output.text("day/2025-03-14/index.html", "day 14", "t"),
            Output.text("day/2025-03-15/index.html", "day 15", "t"),
            Output.text("gone/only/page.html", "removed in the new site", "t"),
            Output.text("data/digest.json", "{\"v\":1}", "t"));
    static final List<Output> NEW = List.of(
            Output.text("index.html", "new home", "t"),
            Output.text("day/2025-03-14/index.html", "day 14", "t"),
            Output.text("day/2025-03-15/index.html", "day 15, changed", "t"),
            Output.text("day/2025-03-16/index.html", "a new day in a new folder", "t"),
            Output.text("data/digest.json", "{\"v\":2}", "t"));

    @Test
    void anInPlaceCommitKilledAtAnyStepIsTheOldOrTheNewSiteAfterRecovery() throws IOException {
        Path site = tmp.resolve("a/site");
        Map<String, String> oldTree = build(site, OLD), newTree = newTree(site);
        int olds = 0, news = 0;
        for (int stopAt = 0; ; stopAt++) {
            rebuild(site, OLD);
            boolean killed = commitInPlace(site, NEW, killAt(stopAt));
            SiteRecovery.recover(site);
            Map<String, String> after = tree(site);
            assertThat(after).as("killed at step %d", stopAt).isIn(oldTree, newTree);
            assertThat(leftovers(site)).as("killed at step %d", stopAt).isEmpty();
            if (after.equals(oldTree)) olds++;
            else news++;
            if (!killed) break;
        }
        assertThat(olds).as("steps before the commit point").isGreaterThan(3);
        assertThat(news).as("steps after it").isGreaterThan(3);
    }

    @Test
    void aFullBuildSwapKilledAtAnyStepIsTheOldOrTheNewSiteAfterRecovery() throws IOException {
        Path site = tmp.resolve("b/site");
        Map<String, String> oldTree = build(site, OLD);
        Map<String, String> newTree = build(tmp.resolve("b2/site"), NEW);
        List<Map<String, String>> seen = new ArrayList<>();
        for (int stopAt = 0; ; stopAt++) {
            rebuild(site, OLD);
            boolean killed;
            try {
                SiteWriter.Session s = new SiteWriter(killAt(stopAt)).open(site);
                for (Output o : NEW) s.put(o);
                s.commit();
                killed = false;
            } catch (Killed k) {
                killed = true;
            }
            SiteRecovery.recover(site);
            Map<String, String> after = tree(site);
            assertThat(after).as("killed at step %d", stopAt).isIn(oldTree, newTree);
            assertThat(leftovers(site)).isEmpty();
            seen.add(after);
            if (!killed) break;
        }
        assertThat(seen).contains(oldTree, newTree);
    }

    @Test
    void aDiskThatFillsUpBeforeTheCommitPointLeavesTheOldSiteAndNoTempFiles() throws IOException {
        Path site = tmp.resolve("c/site");
        Map<String, String> oldTree = build(site, OLD), newTree = newTree(site);
        for (int failAt = 0; ; failAt++) {
            rebuild(site, OLD);
            int at = failAt;
            int[] step = {0};
            CommitJournal.Steps full = name -> {
                if (step[0]++ == at) throw new IOException("No space left on device");
            };
            SiteSink s = new InPlaceWriter(full).open(site);
            for (Output o : NEW) s.put(o);
            try {
                s.commit();
                assertThat(tree(site)).isEqualTo(newTree);
                break;
            } catch (CommitUnfinished e) {
                // after the commit point: the message says so, and the next build finishes it
                assertThat(e.getMessage()).contains("stopped half way").contains("next paperboy build finishes it");
                SiteRecovery.recover(site);
                assertThat(tree(site)).isEqualTo(newTree);
            } catch (IOException e) {
                assertThat(tree(site)).as("failed at step %d: the site was left as it was", at).isEqualTo(oldTree);
            }
            assertThat(leftovers(site)).as("failed at step %d", at).isEmpty();
        }
    }

    private Map<String, String> newTree(Path like) throws IOException {
        return build(tmp.resolve("expected-" + like.getParent().getFileName()).resolve("site"), NEW);
    }

    private static CommitJournal.Steps killAt(int stopAt) {
        int[] step = {0};
        return name -> {
            if (step[0]++ >= stopAt) throw new Killed(); // and every step after: the process is gone
        };
    }

    /** True when the commit was killed. */
    private static boolean commitInPlace(Path site, List<Output> outputs, CommitJournal.Steps steps) throws IOException {
        SiteSink s = new InPlaceWriter(steps).open(site);
        for (Output o : outputs) s.put(o);
        try {
            s.commit();
            return false;
        } catch (Killed k) {
            return true;
        }
    }

    private static Map<String, String> build(Path site, List<Output> outputs) throws IOException {
        new SiteWriter().write(outputs, site);
        return tree(site);
    }

    private static void rebuild(Path site, List<Output> outputs) throws IOException {
        SiteWriter.deleteTree(site);
        build(site, outputs);
    }

    /** Anything beside the site but the lock: temp folders, journals, stages. */
    private static List<String> leftovers(Path site) throws IOException {
        try (Stream<Path> beside = Files.list(site.getParent())) {
            return beside.map(p -> p.getFileName().toString()).filter(n -> !n.equals("site") && !n.endsWith(".lock")).toList();
        }
    }

    /** Every file with its text and every folder, so an extra empty folder counts as a difference. */
    static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        if (!Files.exists(root)) return out;
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path f : walk.toList()) {
                // bytes as ISO-8859-1: every file, text or image, compared byte for byte
                out.put(root.relativize(f).toString(), Files.isDirectory(f) ? "<folder>"
                        : new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        }
        return out;
    }
}
