package io.playloop.games.leaderboard;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/** The write shard of a customer's score: a stable hash of the customer key mod K. */
public final class Shards {
    /** The shards of every weekly board the game writes (and the scheduler reads for the week's result). */
    public static final int BOARD = 8;

    /** The most shards a board may have (each costs one Query per top-10 read). */
    public static final int MAX = 64;

    private Shards() {
    }

    /**
     * The shard, 0 to {@code shards - 1}, of {@code customerKey}: CRC-32 of its UTF-8 bytes, the same in every JVM
     * and every release (unlike {@code hashCode}, which a future key type could change). A customer always
     * writes the same shard, so their item never moves between shards mid-week.
     */
    public static int of(String customerKey, int shards) {
        require(shards);
        CRC32 crc = new CRC32();
        crc.update(customerKey.getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % shards);
    }

    static void require(int shards) {
        if (shards < 1 || shards > MAX) {
            throw new IllegalArgumentException("shards: must be 1 to " + MAX + ", was " + shards);
        }
    }
}
