package io.playloop.crm;

import java.util.LinkedHashMap;
import java.util.Map;

/** A {@link DeliveryLog} in memory, bounded: the least recently used customers are forgotten first. */
public final class InMemoryDeliveryLog implements DeliveryLog {
    private final Map<String, Long> versions;

    /** Remembers at most {@code capacity} sink-customer pairs. */
    public InMemoryDeliveryLog(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.versions = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    public synchronized long deliveredVersion(String sink, String customerKey) {
        return versions.getOrDefault(sink + "\n" + customerKey, -1L);
    }

    @Override
    public synchronized void delivered(String sink, String customerKey, long version) {
        versions.merge(sink + "\n" + customerKey, version, Math::max);
    }

    @Override
    public synchronized void forget(String sink, String customerKey) {
        versions.remove(sink + "\n" + customerKey);
    }
}
