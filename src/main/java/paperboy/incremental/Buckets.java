package paperboy.incremental;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;
import paperboy.write.CacheFile;

/**
 * The site's files as the build cache lists them, split by a hash of their path into shards of about
 * {@link #PER_SHARD} files, each its own file in {@code .site.cache.d/} named by a hash of what it holds. A build
 * writes only the shards whose files changed: a new day changes ~170 of a ten-year site's 152,000 files, so about
 * 15% of the shards, where one file meant writing all of it (12 MB). Read, the shards stay apart (no merged copy);
 * the map is unmodifiable.
 */
final class Buckets extends AbstractMap<String, BuildCache.Entry> {
    static final CacheFile SHARD = new CacheFile("paperboy-build-cache-shard", 1);
    /** Files per shard, about: small enough that a day rewrites little, large enough that a site has few files. */
    static final int PER_SHARD = 128;

    private final List<Map<String, BuildCache.Entry>> buckets;
    /** The shard file of each bucket as read from disk ("" for an empty one); null when not read from disk. */
    private final List<String> names;
    private final int size;

    private Buckets(List<Map<String, BuildCache.Entry>> buckets, List<String> names) {
        this.buckets = buckets;
        this.names = names;
        this.size = buckets.stream().mapToInt(Map::size).sum();
    }

    /** How many shards a site of {@code files} files has: a power of two, so it changes only when the site doubles. */
    static int count(int files) {
        return Integer.highestOneBit(Math.max(1, files / PER_SHARD));
    }

    /** The bucket of {@code path} among {@code n} (a power of two): String's hash is specified, so stable across runs. */
    static int bucket(String path, int n) {
        return n == 1 ? 0 : (path.hashCode() * 0x9E3779B9) >>> (32 - Integer.numberOfTrailingZeros(n));
    }

    /** {@code files} split into buckets (those of a map read from disk as they are). */
    static List<Map<String, BuildCache.Entry>> of(Map<String, BuildCache.Entry> files) {
        if (files instanceof Buckets b) return b.buckets;
        int n = count(files.size());
        List<Map<String, BuildCache.Entry>> split = new ArrayList<>(n);
        for (int i = 0; i < n; i++) split.add(new HashMap<>());
        files.forEach((path, e) -> split.get(bucket(path, n)).put(path, e));
        return split;
    }

    /** The shards {@code names} in {@code dir}; empty if any is missing, damaged or holds a file of another bucket. */
    static Optional<Buckets> read(Path dir, List<String> names) {
        int n = names.size();
        if (n == 0 || Integer.bitCount(n) != 1) return Optional.empty();
        List<Optional<Map<String, BuildCache.Entry>>> read = IntStream.range(0, n).parallel()
                .mapToObj(i -> names.get(i).isEmpty() ? Optional.of(Map.<String, BuildCache.Entry>of())
                        : SHARD.read(dir.resolve(names.get(i)), "", in -> shard(in, i, n)))
                .toList();
        List<Map<String, BuildCache.Entry>> buckets = new ArrayList<>(n);
        for (var b : read) {
            if (b.isEmpty()) return Optional.empty();
            buckets.add(b.get());
        }
        return Optional.of(new Buckets(buckets, List.copyOf(names)));
    }

    /**
     * True when the shards {@code names} in {@code dir} are whole and every file they list is in {@code site} with
     * its recorded size. Each shard is read and its files checked in one task, on every core.
     */
    static boolean allThere(Path dir, List<String> names, Path site) {
        int n = names.size();
        if (n == 0 || Integer.bitCount(n) != 1) return false;
        String root = site.toString() + File.separator;
        return IntStream.range(0, n).parallel().allMatch(i -> names.get(i).isEmpty()
                || SHARD.read(dir.resolve(names.get(i)), "", in -> allThere(in, root)).orElse(false));
    }

    private static boolean allThere(CacheFile.In in, String root) throws IOException {
        in.array();
        while (in.nextArray()) {
            // java.io.File: a plain stat, without NIO's path parsing or an exception for a missing file; its 0
            // for "missing" is told apart from an empty file by asking again.
            File f = new File(root + in.string());
            in.skip(); // the fingerprint
            long size = in.number();
            long now = f.length();
            if (now != size || now == 0 && !f.isFile()) return false; // the rest unread: the read fails, a miss
            in.end();
        }
        return true;
    }

    private static Map<String, BuildCache.Entry> shard(CacheFile.In in, int bucket, int n) throws IOException {
        Map<String, BuildCache.Entry> files = new HashMap<>();
        in.array();
        while (in.nextArray()) {
            String path = in.string();
            if (bucket(path, n) != bucket) throw new IOException(path + " is not of shard " + bucket);
            files.put(path, new BuildCache.Entry(in.string(), in.number()));
            in.end();
        }
        return files;
    }

    /**
     * Writes the shards of {@code files} into {@code dir} and returns their names, bucket by bucket. A bucket that
     * lists what it listed in {@code before} (a cache read from {@code dir}, its shards still there) keeps its
     * file; the others are written under new names, so the cache that names the old ones stays whole.
     */
    static List<String> write(Path dir, Map<String, BuildCache.Entry> files, Optional<Map<String, BuildCache.Entry>> before)
            throws IOException {
        List<Map<String, BuildCache.Entry>> now = of(files);
        Buckets old = before.filter(b -> b instanceof Buckets).map(b -> (Buckets) b)
                .filter(b -> b.names != null && b.buckets.size() == now.size()).orElse(null);
        Files.createDirectories(dir);
        try {
            return IntStream.range(0, now.size()).parallel().mapToObj(i -> {
                Map<String, BuildCache.Entry> bucket = now.get(i);
                if (old != null && old.buckets.get(i).equals(bucket)) return old.names.get(i);
                if (bucket.isEmpty()) return "";
                TreeMap<String, BuildCache.Entry> sorted = new TreeMap<>(bucket);
                Fingerprints.Sha sha = new Fingerprints.Sha();
                sorted.forEach((path, e) -> sha.text(path, e.fingerprint() + " " + e.size()));
                String name = sha.hex().substring(0, 32);
                try {
                    SHARD.write(dir.resolve(name), "", g -> {
                        g.writeStartArray();
                        for (var e : sorted.entrySet()) {
                            g.writeStartArray();
                            g.writeString(e.getKey());
                            g.writeString(e.getValue().fingerprint());
                            g.writeNumber(e.getValue().size());
                            g.writeEndArray();
                        }
                        g.writeEndArray();
                    });
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return name;
            }).toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Removes every file of {@code dir} but {@code keep} (the folder too when nothing is kept). */
    static void removeAllBut(Path dir, List<String> keep) throws IOException {
        if (!Files.isDirectory(dir)) return;
        Set<String> names = new HashSet<>(keep);
        try (DirectoryStream<Path> all = Files.newDirectoryStream(dir)) {
            for (Path f : all) if (!names.contains(f.getFileName().toString())) Files.deleteIfExists(f);
        }
        if (keep.stream().allMatch(String::isEmpty)) Files.deleteIfExists(dir);
    }

    @Override
    public BuildCache.Entry get(Object key) {
        return key instanceof String path ? buckets.get(bucket(path, buckets.size())).get(path) : null;
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Set<Entry<String, BuildCache.Entry>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return size;
            }

            @Override
            public Iterator<Entry<String, BuildCache.Entry>> iterator() {
                return new Iterator<>() {
                    private int next;
                    private Iterator<Entry<String, BuildCache.Entry>> in = Collections.emptyIterator();

                    @Override
                    public boolean hasNext() {
                        while (!in.hasNext() && next < buckets.size()) {
                            in = Collections.unmodifiableMap(buckets.get(next++)).entrySet().iterator();
                        }
                        return in.hasNext();
                    }

                    @Override
                    public Entry<String, BuildCache.Entry> next() {
                        if (!hasNext()) throw new NoSuchElementException();
                        return in.next();
                    }
                };
            }
        };
    }
}
