package paperboy.assemble;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A map that reads through to a base map it never changes, with its own entries on top: a daily build adds fifty
 * papers' themes to the 128,000 of the archive without copying them. Put and get are O(1); iterating walks both.
 * Removing is not supported.
 */
public final class Overlay<K, V> extends AbstractMap<K, V> {
    private final Map<K, V> base;
    private final Map<K, V> top = new HashMap<>();

    public Overlay(Map<K, V> base) {
        this.base = base;
    }

    @Override
    public V get(Object key) {
        V v = top.get(key);
        return v != null || top.containsKey(key) ? v : base.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return top.containsKey(key) || base.containsKey(key);
    }

    @Override
    public V put(K key, V value) {
        V was = get(key);
        top.put(key, value);
        return was;
    }

    @Override
    public int size() {
        int shadowed = 0;
        for (K k : top.keySet()) if (base.containsKey(k)) shadowed++;
        return base.size() + top.size() - shadowed;
    }

    @Override
    public Set<Entry<K, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<K, V>> iterator() {
                return Stream.concat(base.entrySet().stream().filter(e -> !top.containsKey(e.getKey())),
                        top.entrySet().stream()).iterator();
            }

            @Override
            public int size() {
                return Overlay.this.size();
            }
        };
    }

    /** The entries put on top of the base, read-only: what changed. */
    public Map<K, V> top() {
        return java.util.Collections.unmodifiableMap(top);
    }
}
