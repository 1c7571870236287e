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
 * 15% of the shards, where one file meant writing all of it (12 MB). Read, a shard is loaded when a file of it is
 * first asked for ({@link #lazy}), and a build's changes make a new map over the old one ({@link #with}) that
 * shares the shards they do not touch: a daily build reads and writes the shards of the files it renders, not the
 * site's (at ten years, loading all 1,024 took 0.16 s and copying them into one map 0.13 s of CPU a day). The map is
 * unmodifiable.
 */
final class Buckets extends AbstractMap<String, BuildCache.Entry> {
    static final CacheFile SHARD = new CacheFile("paperboy-build-cache-shard", 1);
    /** Files per shard, about: small enough that a day rewrites little, large enough that a site has few files. */
    static final int PER_SHARD = 128;

    /** A shard found damaged or missing when first read: the cache is not to be trusted (see {@link BuildCache.Damaged}). */
    private static final Map<String, BuildCache.Entry> UNREADABLE = Map.of();

    /**
     * One bucket: the name of the shard file that holds exactly its files ("" for an empty bucket, null for one not
     * on disk as it is), and its files once read.
     */
    private static final class Slot {
        final String name;
        final Path dir;
        private volatile Map<String, BuildCache.Entry> files;

        Slot(String name, Path dir, Map<String, BuildCache.Entry> files) {
            this.name = name;
            this.dir = dir;
            this.files = files;
        }

        /** The bucket's files, its shard read on first use (several threads may race to read it: same result). */
        Map<String, BuildCache.Entry> files(int bucket, int n) {
            Map<String, BuildCache.Entry> f = files;
            if (f == null) {
                f = name.isEmpty() ? Map.of()
                        : SHARD.read(dir.resolve(name), "", in -> shard(in, bucket, n)).orElse(UNREADABLE);
                files = f;
            }
            if (f == UNREADABLE) throw new BuildCache.Damaged(dir.resolve(name));
            return f;
        }
    }

    private final Slot[] slots;
    private final int size;
    private final long bytes;

    private Buckets(Slot[] slots, int size, long bytes) {
        this.slots = slots;
        this.size = size;
        this.bytes = bytes;
    }

    /** How many shards a site of {@code files} files has: a power of two, so it changes only when the site doubles. */
    static int count(int files) {
        return Integer.highestOneBit(Math.max(1, files / PER_SHARD));
    }

    /** Whether {@code n} shards can be a cache's: a power of two, as {@link #count} makes them. */
    private static boolean aCount(int n) {
        return n > 0 && Integer.bitCount(n) == 1;
    }

    /** The bucket of {@code path} among {@code n} (a power of two): String's hash is specified, so stable across runs. */
    static int bucket(String path, int n) {
        return n == 1 ? 0 : (path.hashCode() * 0x9E3779B9) >>> (32 - Integer.numberOfTrailingZeros(n));
    }

    /** {@code files} split into buckets, none of them on disk. */
    private static Buckets of(Map<String, BuildCache.Entry> files) {
        int n = count(files.size());
        List<Map<String, BuildCache.Entry>> split = new ArrayList<>(n);
        for (int i = 0; i < n; i++) split.add(new HashMap<>());
        long bytes = 0;
        for (var e : files.entrySet()) {
            split.get(bucket(e.getKey(), n)).put(e.getKey(), e.getValue());
            bytes += e.getValue().size();
        }
        Slot[] slots = new Slot[n];
        for (int i = 0; i < n; i++) slots[i] = new Slot(null, null, split.get(i));
        return new Buckets(slots, files.size(), bytes);
    }

    /**
     * The shards {@code names} in {@code dir}, as the cache's small file counts them ({@code size} files of
     * {@code bytes} bytes), each read when first asked; empty when the names cannot be a cache's.
     */
    static Optional<Buckets> lazy(Path dir, List<String> names, int size, long bytes) {
        int n = names.size();
        if (!aCount(n)) return Optional.empty();
        Slot[] slots = new Slot[n];
        for (int i = 0; i < n; i++) slots[i] = new Slot(names.get(i), dir, names.get(i).isEmpty() ? Map.of() : null);
        return Optional.of(new Buckets(slots, size, bytes));
    }

    /** These shards read now, on every core; empty if any is missing or damaged, or they hold another count. */
    Optional<Buckets> readAll() {
        try {
            IntStream.range(0, slots.length).parallel().forEach(i -> slots[i].files(i, slots.length));
        } catch (BuildCache.Damaged e) {
            return Optional.empty();
        }
        int count = 0;
        for (int i = 0; i < slots.length; i++) count += slots[i].files(i, slots.length).size();
        return count == size ? Optional.of(this) : Optional.empty();
    }

    /**
     * These files with {@code changed} put and {@code removed} taken out: a new map that shares every bucket the
     * change does not touch (read or not), so that {@link #write} keeps their shards without reading them.
     */
    Buckets with(Map<String, BuildCache.Entry> changed, java.util.Collection<String> removed) {
        int n = slots.length;
        Map<Integer, Map<String, BuildCache.Entry>> touched = new TreeMap<>();
        for (String path : removed) touched.computeIfAbsent(bucket(path, n), i -> new HashMap<>(slots[i].files(i, n))).remove(path);
        changed.forEach((path, e) -> touched.computeIfAbsent(bucket(path, n), i -> new HashMap<>(slots[i].files(i, n))).put(path, e));
        Slot[] next = slots.clone();
        int size = this.size;
        long bytes = this.bytes;
        for (var t : touched.entrySet()) {
            int i = t.getKey();
            Map<String, BuildCache.Entry> before = slots[i].files(i, n);
            if (t.getValue().equals(before)) continue;
            size += t.getValue().size() - before.size();
            bytes += total(t.getValue()) - total(before);
            next[i] = new Slot(null, null, t.getValue());
        }
        Buckets out = new Buckets(next, size, bytes);
        return count(size) == n ? out : of(new HashMap<>(out)); // the site doubled (or halved): split anew
    }

    private static long total(Map<String, BuildCache.Entry> files) {
        long sum = 0;
        for (BuildCache.Entry e : files.values()) sum += e.size();
        return sum;
    }

    /** The files' total size in bytes, without reading a shard. */
    long bytes() {
        return bytes;
    }

    /** The files' total size in bytes: without reading a shard for a map of buckets. */
    static long bytes(Map<String, BuildCache.Entry> files) {
        return files instanceof Buckets b ? b.bytes : total(files);
    }

    /**
     * True when the shards {@code names} in {@code dir} are whole and every file they list is in {@code site} with
     * its recorded size. Each shard is read and its files checked in one task, on every core.
     */
    static boolean allThere(Path dir, List<String> names, Path site) {
        int n = names.size();
        if (!aCount(n)) return false;
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
     * Writes the shards of {@code files} into {@code dir} and returns their names, bucket by bucket. A bucket still
     * as a shard on disk holds it ({@link #with} shares those) keeps that file unread, and so does one that lists
     * what it listed in {@code before} (the cache this build read from {@code dir}); the others are written under
     * new names, so the cache that names the old ones stays whole.
     */
    static List<String> write(Path dir, Map<String, BuildCache.Entry> files, Optional<Map<String, BuildCache.Entry>> before)
            throws IOException {
        Buckets now = files instanceof Buckets b ? b : of(files);
        int n = now.slots.length;
        Buckets old = before.filter(b -> b instanceof Buckets).map(b -> (Buckets) b)
                .filter(b -> b.slots.length == n).orElse(null);
        Files.createDirectories(dir);
        try {
            return IntStream.range(0, n).parallel().mapToObj(i -> {
                Slot slot = now.slots[i];
                if (slot.name != null) return slot.name;
                Map<String, BuildCache.Entry> bucket = slot.files(i, n);
                if (old != null && old.slots[i].name != null && old.slots[i].files(i, n).equals(bucket)) {
                    return old.slots[i].name;
                }
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
        if (!(key instanceof String path)) return null;
        int i = bucket(path, slots.length);
        return slots[i].files(i, slots.length).get(path);
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
                        while (!in.hasNext() && next < slots.length) {
                            in = Collections.unmodifiableMap(slots[next].files(next, slots.length)).entrySet().iterator();
                            next++;
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
