package paperboy.state;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;
import java.util.zip.CRC32C;
import paperboy.text.Hash128;
import paperboy.write.AtomicFile;

/**
 * Which slugs and identity keys a month of the archive holds, as sorted 64-bit hashes in a small file beside the
 * month's: a daily build asks the index of every month where a paper or key is and decodes only the month that has
 * it, rather than every month to build one map. A hash shared by chance only costs decoding a month for nothing:
 * the month's own maps answer.
 *
 * @param slugs the first 64 bits of {@link Hash128#of} of each paper's slug, sorted
 * @param keys  the first 64 bits of each identity key the month's papers own, sorted
 */
record MonthIndex(long[] slugs, long[] keys) {

    static long slug(String slug) {
        return Hash128.of(slug).a();
    }

    static MonthIndex of(Collection<String> slugs, Collection<Hash128.Value> keys) {
        long[] s = slugs.stream().mapToLong(MonthIndex::slug).sorted().toArray();
        long[] k = keys.stream().mapToLong(Hash128.Value::a).sorted().toArray();
        return new MonthIndex(s, k);
    }

    boolean mayHoldKey(Hash128.Value key) {
        return Arrays.binarySearch(keys, key.a()) >= 0;
    }

    /** @return the file's length and CRC-32C, for the manifest to check it by */
    long[] write(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(8 + 8 * (slugs.length + keys.length));
        b.putInt(slugs.length);
        for (long s : slugs) b.putLong(s);
        b.putInt(keys.length);
        for (long k : keys) b.putLong(k);
        byte[] bytes = b.array();
        AtomicFile.write(file, out -> new DataOutputStream(out).write(bytes));
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        return new long[] {bytes.length, crc.getValue()};
    }

    /** The index in {@code file}, if it is there with the length and checksum the manifest recorded. */
    static Optional<MonthIndex> read(Path file, long length, long crc) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            CRC32C sum = new CRC32C();
            sum.update(bytes);
            if (bytes.length != length || sum.getValue() != crc) return Optional.empty();
            ByteBuffer b = ByteBuffer.wrap(bytes);
            long[] s = new long[b.getInt()];
            for (int i = 0; i < s.length; i++) s[i] = b.getLong();
            long[] k = new long[b.getInt()];
            for (int i = 0; i < k.length; i++) k[i] = b.getLong();
            return b.hasRemaining() ? Optional.empty() : Optional.of(new MonthIndex(s, k));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
