package paperboy.state;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.concurrent.atomic.AtomicReferenceArray;
import paperboy.assemble.PaperIdentities;
import paperboy.model.Day;
import paperboy.model.Paper;
import paperboy.text.Hash128;
import paperboy.write.CacheFile;

/**
 * A month of the archive kept, read and checked but decoded only as far as a build reads it: each paper on its own
 * when first asked for (its place found by the month's index, not by decoding the others), the days, the identity
 * keys and the variants each as a whole when first asked. A daily build at ten years shows papers of a hundred
 * months (related papers, the themes' newest) and decodes a few papers of most of them.
 */
final class OpenedMonth {

    /** How the parts of a month file decode; {@link ArchiveStore} is the codec. */
    interface Parts {
        Paper paper(CacheFile.Later at) throws IOException;

        /** Each identity key to the place of the paper owning it. */
        Map<Hash128.Value, Integer> owners(CacheFile.Later at) throws IOException;

        /** By the place of the paper, its variants. */
        Map<Integer, PaperIdentities.Variants> variants(CacheFile.Later at) throws IOException;

        List<Day> days(CacheFile.Later at) throws IOException;
    }

    private final Path file;
    /** The month file, mapped: a part's bytes are copied out of it when the part is decoded. */
    private final ByteBuffer mapped;
    /** Where each paper starts, by place, then the keys, the variants and the days ({@link MonthIndex#starts}). */
    private final int[] starts;
    private final int count;
    private final MonthIndex index;
    private final Parts parts;
    private final AtomicReferenceArray<Paper> papers;
    private volatile Map<Hash128.Value, Integer> owners;
    private volatile Map<Integer, PaperIdentities.Variants> variants;
    private volatile List<Day> days;

    /** @param starts checked: ascending, inside the file */
    OpenedMonth(Path file, ByteBuffer mapped, int[] starts, MonthIndex index, Parts parts) {
        this.file = file;
        this.mapped = mapped;
        this.starts = starts;
        this.count = starts.length - 3;
        this.index = index;
        this.parts = parts;
        this.papers = new AtomicReferenceArray<>(count);
    }

    int size() {
        return count;
    }

    /**
     * The {@code i}th part of the file (a paper, or after them the keys, variants and days), its bytes copied out and
     * checked against the sum its index kept.
     */
    private CacheFile.Later part(int i) throws IOException {
        byte[] bytes = new byte[MonthIndex.end(starts, i, mapped.limit()) - starts[i]];
        mapped.get(starts[i], bytes); // absolute: safe from several threads
        if (MonthIndex.sum(bytes, 0, bytes.length) != index.sums()[i]) throw new IOException("not the checksum kept");
        return CacheFile.Later.at(bytes, 0);
    }

    /** The {@code k}th paper of the month (first-seen order), decoded on first read. */
    Paper paper(int k) {
        Paper p = papers.get(k);
        if (p != null) return p;
        p = decode(() -> parts.paper(part(k)));
        return papers.compareAndSet(k, null, p) ? p : papers.get(k);
    }

    /** The papers, each decoded when read. */
    List<Paper> papers() {
        return new Papers();
    }

    /** The paper of this slug (whose {@link MonthIndex#slug} hash is {@code hash}), if the month has it. */
    Optional<Paper> bySlug(String slug, long hash) {
        return index.placesOf(hash).mapToObj(this::paper).filter(p -> p.slug().equals(slug)).findFirst();
    }

    /** Which papers were decoded, by place: the others were not read, so they did not change. */
    BitSet decodedPapers() {
        BitSet out = new BitSet(size());
        for (int k = 0; k < size(); k++) if (papers.get(k) != null) out.set(k);
        return out;
    }

    /** The days, if they were decoded. */
    Optional<List<Day>> decodedDays() {
        return Optional.ofNullable(days);
    }

    List<Day> days() {
        List<Day> d = days;
        if (d == null) days = d = List.copyOf(decode(() -> parts.days(part(count + 2))));
        return d;
    }

    /** The slug of the paper owning {@code key}, if one of this month's does. */
    Optional<String> owner(Hash128.Value key) {
        return Optional.ofNullable(ownerPlaces().get(key)).map(k -> paper(k).slug());
    }

    /** Every key the month's papers own, to their slugs (decodes every paper). */
    Map<Hash128.Value, String> owners() {
        Map<Hash128.Value, String> out = new HashMap<>();
        ownerPlaces().forEach((key, k) -> out.put(key, paper(k).slug()));
        return out;
    }

    private Map<Hash128.Value, Integer> ownerPlaces() {
        Map<Hash128.Value, Integer> o = owners;
        if (o == null) owners = o = decode(() -> parts.owners(part(count)));
        return o;
    }

    Optional<PaperIdentities.Variants> variants(int place) {
        return Optional.ofNullable(variantPlaces().get(place));
    }

    /** Every variant of the month's papers, by slug (decodes their papers). */
    Map<String, PaperIdentities.Variants> variants() {
        Map<String, PaperIdentities.Variants> out = new HashMap<>();
        variantPlaces().forEach((k, v) -> out.put(paper(k).slug(), v));
        return out;
    }

    private Map<Integer, PaperIdentities.Variants> variantPlaces() {
        Map<Integer, PaperIdentities.Variants> v = variants;
        if (v == null) variants = v = decode(() -> parts.variants(part(count + 1)));
        return v;
    }

    /** The place of a paper of this slug (hash {@code hash}) in the month, or -1. */
    int placeOf(String slug, long hash) {
        return index.placesOf(hash).filter(k -> paper(k).slug().equals(slug)).findFirst().orElse(-1);
    }

    private interface Decoding<T> {
        T run() throws IOException;
    }

    /** A part that is not as its index summed it, or does not decode, is damage. */
    private <T> T decode(Decoding<T> d) {
        try {
            return d.run();
        } catch (IOException | RuntimeException e) {
            throw new ArchiveStore.Damaged(file, "a part does not decode: " + e.getMessage());
        }
    }

    private final class Papers extends AbstractList<Paper> implements RandomAccess {
        @Override
        public Paper get(int i) {
            return paper(i);
        }

        @Override
        public int size() {
            return count;
        }
    }
}
