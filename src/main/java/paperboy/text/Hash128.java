package paperboy.text;

/**
 * MurmurHash3 (x64, 128 bits) over a stream of 64-bit words, strings added as their UTF-16 code units four to a
 * word: the one quick hash of texts kept between builds (papers' analysis keys, identity keys), where distinct
 * texts must not share a value in any archive and SHA-256 would cost seconds at ten years (see
 * {@code ThemeCache.key} for the measurement). Content identity (files, settings) stays SHA-256.
 */
public final class Hash128 {
    private static final long C1 = 0x87c37b91114253d5L, C2 = 0x4cf5ad432745937fL;
    private long h1 = 0x9368e53c2f6af274L, h2 = 0x586dcd208f7cd3fdL;
    private long pending;
    private boolean half;
    private long words;
    private long carry;
    private int carried;

    /** A hash value. */
    public record Value(long a, long b) {}

    /** The hash of one string, its length included. */
    public static Value of(String s) {
        Hash128 h = new Hash128();
        h.add(s);
        h.word(s.length());
        return h.finish();
    }

    public Hash128 add(String s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            carry = carry << 16 | s.charAt(i);
            if (++carried == 4) {
                word(carry);
                carry = 0;
                carried = 0;
            }
        }
        if (carried > 0) {
            word(carry << 16 * (4 - carried) | carried);
            carry = 0;
            carried = 0;
        }
        return this;
    }

    public Hash128 word(long w) {
        words++;
        if (!half) {
            pending = w;
            half = true;
            return this;
        }
        half = false;
        block(pending, w);
        return this;
    }

    private void block(long k1, long k2) {
        k1 *= C1; k1 = Long.rotateLeft(k1, 31); k1 *= C2; h1 ^= k1;
        h1 = Long.rotateLeft(h1, 27); h1 += h2; h1 = h1 * 5 + 0x52dce729;
        k2 *= C2; k2 = Long.rotateLeft(k2, 33); k2 *= C1; h2 ^= k2;
        h2 = Long.rotateLeft(h2, 31); h2 += h1; h2 = h2 * 5 + 0x38495ab5;
    }

    public Value finish() {
        if (half) block(pending, 0x5a5a5a5a5a5a5a5aL);
        h1 ^= words;
        h2 ^= words;
        h1 += h2;
        h2 += h1;
        h1 = fmix(h1);
        h2 = fmix(h2);
        h1 += h2;
        h2 += h1;
        return new Value(h1, h2);
    }

    private static long fmix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }
}
