package paperboy.state;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.zip.CRC32C;
import paperboy.text.Hash128;
import paperboy.write.AtomicFile;

/**
 * Which slugs and identity keys a month of the archive holds, as sorted 64-bit hashes in a small file beside the
 * month's: a daily build asks the index of every month where a paper or key is and decodes only the month that has
 * it, rather than every month to build one map. A hash shared by chance only costs decoding a month for nothing:
 * the month's own maps answer.
 *
 * @param slugs  the first 64 bits of {@link Hash128#of} of each paper's slug, sorted
 * @param places for each of {@code slugs}, the paper's place in the month's papers: a paper is decoded alone
 * @param keys   the first 64 bits of each identity key the month's papers own, sorted
 * @param starts where each paper starts in the month file, by place, then where its keys, variants and days start:
 *               opening the month reads it without parsing it
 * @param sums   the CRC-32C of each of those parts, checked when the part is decoded: a daily build at ten years
 *               decodes a few papers of a hundred months, and summing those months whole cost it ~70 ms of CPU
 */
record MonthIndex(long[] slugs, int[] places, long[] keys, int[] starts, int[] sums) {

    static long slug(String slug) {
        return Hash128.of(slug).a();
    }

    /**
     * @param slugs  the month's papers' slugs, in the month's order
     * @param file   the month file's bytes, which {@code starts} cut into parts
     * @param starts see {@link MonthIndex}
     */
    static MonthIndex of(List<String> slugs, Collection<Hash128.Value> keys, byte[] file, int[] starts) {
        long[][] pairs = new long[slugs.size()][];
        for (int i = 0; i < pairs.length; i++) pairs[i] = new long[] {slug(slugs.get(i)), i};
        Arrays.sort(pairs, (x, y) -> x[0] != y[0] ? Long.compare(x[0], y[0]) : Long.compare(x[1], y[1]));
        long[] s = new long[pairs.length];
        int[] places = new int[pairs.length];
        for (int i = 0; i < pairs.length; i++) {
            s[i] = pairs[i][0];
            places[i] = (int) pairs[i][1];
        }
        long[] k = keys.stream().mapToLong(Hash128.Value::a).sorted().toArray();
        int[] sums = new int[starts.length];
        for (int i = 0; i < starts.length; i++) sums[i] = sum(file, starts[i], end(starts, i, file.length));
        return new MonthIndex(s, places, k, starts, sums);
    }

    /** Where part {@code i} ends: where the next starts, the last at the end of a file of {@code length} bytes. */
    static int end(int[] starts, int i, int length) {
        return i + 1 < starts.length ? starts[i + 1] : length;
    }

    /** The CRC-32C of {@code bytes[from, to)}, as the index keeps it. */
    static int sum(byte[] bytes, int from, int to) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, from, to - from);
        return (int) crc.getValue();
    }

    /** The places in the month of the papers whose slug has this {@link #slug} hash (one, but for a chance). */
    IntStream placesOf(long slugHash) {
        int i = Arrays.binarySearch(slugs, slugHash);
        if (i < 0) return IntStream.empty();
        while (i > 0 && slugs[i - 1] == slugHash) i--;
        int from = i;
        while (i < slugs.length && slugs[i] == slugHash) i++;
        return IntStream.range(from, i).map(j -> places[j]);
    }

    boolean mayHoldKey(Hash128.Value key) {
        return Arrays.binarySearch(keys, key.a()) >= 0;
    }

    /** @return the file's length and CRC-32C, for the manifest to check it by */
    long[] write(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(12 + 12 * slugs.length + 8 * keys.length + 8 * starts.length);
        b.putInt(slugs.length);
        for (int i = 0; i < slugs.length; i++) {
            b.putLong(slugs[i]);
            b.putInt(places[i]);
        }
        b.putInt(keys.length);
        for (long k : keys) b.putLong(k);
        b.putInt(starts.length);
        for (int x : starts) b.putInt(x);
        for (int x : sums) b.putInt(x);
        byte[] bytes = b.array();
        AtomicFile.write(file, out -> new DataOutputStream(out).write(bytes));
        return new long[] {bytes.length, Integer.toUnsignedLong(sum(bytes, 0, bytes.length))};
    }

    /** The index in {@code file}, if it is there with the length and checksum the manifest recorded. */
    static Optional<MonthIndex> read(Path file, long length, long crc) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length != length || Integer.toUnsignedLong(sum(bytes, 0, bytes.length)) != crc) {
                return Optional.empty();
            }
            ByteBuffer b = ByteBuffer.wrap(bytes);
            long[] s = new long[b.getInt()];
            int[] places = new int[s.length];
            for (int i = 0; i < s.length; i++) {
                s[i] = b.getLong();
                places[i] = b.getInt();
                if (places[i] < 0 || places[i] >= s.length) return Optional.empty();
            }
            long[] k = new long[b.getInt()];
            for (int i = 0; i < k.length; i++) k[i] = b.getLong();
            int[] starts = new int[b.getInt()];
            if (starts.length != s.length + 3) return Optional.empty();
            for (int i = 0; i < starts.length; i++) starts[i] = b.getInt();
            int[] sums = new int[starts.length];
            for (int i = 0; i < sums.length; i++) sums[i] = b.getInt();
            return b.hasRemaining() ? Optional.empty() : Optional.of(new MonthIndex(s, places, k, starts, sums));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
