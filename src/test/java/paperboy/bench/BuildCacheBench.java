package paperboy.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import paperboy.incremental.BuildCache;

/**
 * What saving the build cache costs a day's build on a large site: reads the cache of a built site ({@code SITE}'s
 * {@code .SITE.cache}), copies it to {@code WORK}, then {@code RUNS} times changes the fingerprints of {@code N}
 * random files (a new day changes ~170) and saves it over the copy, printing the time of each save and how many
 * shard files it wrote; then the same with no cache to compare with (every shard written, as one file was before).
 *
 * <pre>java -cp target/test-classes:target/paperboy.jar paperboy.bench.BuildCacheBench SITE WORK [N] [RUNS]</pre>
 */
public final class BuildCacheBench {
    public static void main(String[] args) throws Exception {
        Path site = Path.of(args[0]), work = Path.of(args[1]);
        int n = args.length > 2 ? Integer.parseInt(args[2]) : 170, runs = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        long t0 = System.nanoTime();
        BuildCache cache = BuildCache.read(BuildCache.location(site)).orElseThrow(() -> new IllegalStateException("no cache"));
        System.out.printf("read %d files in %d ms%n", cache.files().size(), (System.nanoTime() - t0) / 1_000_000);
        Files.createDirectories(work);
        Path file = work.resolve("copy.cache");
        cache.write(file);
        BuildCache before = BuildCache.read(file).orElseThrow();
        List<String> paths = new ArrayList<>(cache.files().keySet());
        paths.sort(null);
        Random random = new Random(42);
        for (int run = 0; run < runs; run++) {
            Map<String, BuildCache.Entry> files = new HashMap<>(before.files());
            for (int i = 0; i < n; i++) {
                String p = paths.get(random.nextInt(paths.size()));
                files.put(p, new BuildCache.Entry("changed-" + run + "-" + i, files.get(p).size()));
            }
            BuildCache next = new BuildCache(before.settings(), before.inputs(), before.summary(), before.warnings(),
                    files, before.inputFiles(), before.archive());
            long start = System.currentTimeMillis() - 1;
            long t = System.nanoTime();
            next.write(file, Optional.of(before));
            long ms = (System.nanoTime() - t) / 1_000_000;
            long written;
            try (Stream<Path> shards = Files.list(work.resolve("copy.cache.d"))) {
                written = shards.filter(f -> f.toFile().lastModified() >= start).count();
            }
            System.out.printf("save with %d files changed: %d ms, %d shard files written%n", n, ms, written);
            before = BuildCache.read(file).orElseThrow();
        }
        for (int run = 0; run < runs; run++) {
            long t = System.nanoTime();
            before.write(file, Optional.empty());
            System.out.printf("save of every shard: %d ms%n", (System.nanoTime() - t) / 1_000_000);
        }
    }
}
