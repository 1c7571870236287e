package paperboy.incremental;

import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import paperboy.render.RecordComponents;

/**
 * A 128-bit fingerprint of a view model, computed by walking it (records component by component through
 * {@link RecordComponents}, as the templates read them; lists, maps, optionals, strings) instead of building its
 * {@code toString()}: every page of every incremental build is fingerprinted, and the text of a large site's
 * models runs to hundreds of megabytes.
 *
 * <p>Not cryptographic: two 64-bit lanes (FNV-1a and a multiply-xorshift) over the model's structure and
 * characters. Kept by hand because it pays: SHA-256 fed by the same walk took 1.3 to 3 times as long (the sample's
 * 215 page models ×20: 1.5–2.3 s against 2.5–4.9 s, five rounds at load ~25; {@code HashBench} in the tests). Anything that is not a record, collection, map, optional or string counts by its
 * {@code toString()} (dates, numbers, enums), which view models keep small.
 */
public final class ModelHash {
    private long h1 = 0xcbf29ce484222325L;
    private long h2 = 0x9E3779B97F4A7C15L;

    private ModelHash() {}

    public static String of(String template, Object model) {
        ModelHash h = new ModelHash();
        h.string(template);
        h.value(model);
        return HexFormat.of().toHexDigits(h.h1) + HexFormat.of().toHexDigits(h.h2);
    }

    private void mix(long v) {
        h1 = (h1 ^ v) * 0x100000001b3L;
        h2 = (h2 + v) * 0xbf58476d1ce4e5b9L;
        h2 ^= h2 >>> 31;
    }

    private void string(String s) {
        mix(s.length());
        long a = h1, b = h2;
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            a = (a ^ c) * 0x100000001b3L;
            b = (b + c) * 0xbf58476d1ce4e5b9L;
            b ^= b >>> 31;
        }
        h1 = a;
        h2 = b;
    }

    private void value(Object o) {
        if (o == null) {
            mix(1);
        } else if (o instanceof String s) {
            mix(2);
            string(s);
        } else if (o instanceof Record r) {
            mix(3);
            string(r.getClass().getName());
            for (RecordComponents.Component c : RecordComponents.of(r.getClass())) value(c.get(r));
        } else if (o instanceof Collection<?> c) {
            mix(4);
            mix(c.size());
            for (Object e : c) value(e);
        } else if (o instanceof Map<?, ?> m) {
            mix(5);
            mix(m.size());
            for (Map.Entry<?, ?> e : m.entrySet()) {
                value(e.getKey());
                value(e.getValue());
            }
        } else if (o instanceof Optional<?> opt) {
            mix(6);
            value(opt.orElse(null));
        } else {
            mix(7);
            string(o.getClass().getName());
            string(o.toString());
        }
    }
}
