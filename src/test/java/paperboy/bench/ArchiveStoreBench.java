package paperboy.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import paperboy.assemble.DigestAssembler;
import paperboy.assemble.ThemeAssigner;
import paperboy.parse.ContentLoader;
import paperboy.parse.Snapshot;
import paperboy.parse.SnapshotParser;
import paperboy.problems.Problems;
import paperboy.state.ArchiveStore;

/**
 * How long a daily build takes to read the archive state ({@link ArchiveStore}) of a generated archive:
 * {@code write STATE CONTENT} assembles the listings of CONTENT (themes off) and writes their state into STATE;
 * {@code read STATE CONTENT [N]} reads it N times in this JVM and prints each time. Run {@code read} in fresh JVMs
 * with the flags a daily build runs with ({@code -XX:TieredStopAtLevel=1}), e.g.
 * {@code java -XX:TieredStopAtLevel=1 -cp target/test-classes:target/paperboy.jar paperboy.bench.ArchiveStoreBench read /dev/shm/state /dev/shm/c3650 1}.
 */
public final class ArchiveStoreBench {
    public static void main(String[] args) throws Exception {
        Path state = Path.of(args[1]), content = Path.of(args[2]);
        if (args[0].equals("write")) {
            Problems problems = new Problems();
            List<Snapshot> snapshots = new ContentLoader(new SnapshotParser(OptionalInt.of(2025))).load(content, problems);
            DigestAssembler.Assembly a = new DigestAssembler(ThemeAssigner.none()).assembleKeeping(snapshots, problems);
            long t0 = System.nanoTime();
            int months = ArchiveStore.write(state, "bench", new ArchiveStore.Archive(a, problems.sorted()), content,
                    Optional.empty());
            System.out.printf("wrote %d months of %d papers in %d ms%n", months, a.digest().papers().size(),
                    (System.nanoTime() - t0) / 1_000_000);
            return;
        }
        int n = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            ArchiveStore.Read r = ArchiveStore.read(state, "bench", content).orElseThrow();
            System.out.printf("read %d papers, %d days in %d ms%n", r.archive().assembly().digest().papers().size(),
                    r.archive().assembly().digest().days().size(), (System.nanoTime() - t0) / 1_000_000);
        }
    }
}
