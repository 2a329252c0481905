package io.cdcrelay.change;

import java.util.AbstractMap;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * An unmodifiable map in insertion order that allows null values, and that {@link ChangeEvent} recognizes so it
 * does not copy it again: a change is built once by the mapper and again for every field a step adds
 * ({@link ChangeEvent#withTransaction}), and each copy of its images was per-change garbage.
 */
final class FrozenMap<K, V> extends AbstractMap<K, V> {

    private final Map<K, V> view;

    private FrozenMap(LinkedHashMap<K, V> owned) {
        this.view = Collections.unmodifiableMap(owned);
    }

    /** @return {@code map} itself when it is frozen already, an empty map when it is empty, else a frozen copy */
    static <K, V> Map<K, V> of(Map<K, V> map) {
        if (map instanceof FrozenMap<K, V> frozen) {
            return frozen;
        }
        if (map.isEmpty()) {
            return Map.of();
        }
        return new FrozenMap<>(new LinkedHashMap<>(map));
    }

    /** Freezes a map its caller made and lets go of: nobody else may hold it. */
    static <K, V> Map<K, V> adopt(LinkedHashMap<K, V> made) {
        return new FrozenMap<>(made);
    }

    @Override
    public Set<Entry<K, V>> entrySet() {
        return view.entrySet();
    }

    @Override
    public Set<K> keySet() {
        return view.keySet();
    }

    @Override
    public Collection<V> values() {
        return view.values();
    }

    @Override
    public V get(Object key) {
        return view.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return view.containsKey(key);
    }

    @Override
    public int size() {
        return view.size();
    }

    @Override
    public void forEach(BiConsumer<? super K, ? super V> action) {
        view.forEach(action);
    }
}
