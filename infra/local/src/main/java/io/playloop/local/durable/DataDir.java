package io.playloop.local.durable;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The directory a local cloud started with {@code --data-dir} keeps its state in, held by one local cloud at a
 * time (a lock file, released by the operating system even when the process is killed):
 *
 * <pre>
 * dynamodb/    DynamoDB Local's database (SQLite: shared-local-instance.db)
 * sqs/         ElasticMQ's queued messages (H2: queues.mv.db)
 * local/       what the local cloud itself holds: the Graph simulator's outbox, the customers' 24-hour
 *              windows and the simulated clock's offset (JSON lines)
 * </pre>
 */
public final class DataDir implements AutoCloseable {
    private final Path root;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private DataDir(Path root, FileChannel lockChannel, FileLock lock) {
        this.root = root;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * Creates the directory if needed and takes it.
     *
     * @throws IllegalStateException when it cannot be created or another local cloud holds it
     */
    public static DataDir open(Path directory) {
        Path root = directory.toAbsolutePath().normalize();
        FileChannel channel = null;
        try {
            Files.createDirectories(root);
            Files.createDirectories(root.resolve("dynamodb"));
            Files.createDirectories(root.resolve("sqs"));
            Files.createDirectories(root.resolve("local"));
            channel = FileChannel.open(root.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw heldByAnother(root);
            }
            return new DataDir(root, channel, lock);
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            throw heldByAnother(root);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new IllegalStateException("cannot use " + root + " as the data directory: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    private static IllegalStateException heldByAnother(Path root) {
        return new IllegalStateException("another local cloud is running on the data directory " + root
                + ": stop it first, or give this one another --data-dir");
    }

    public Path root() {
        return root;
    }

    /** DynamoDB Local's {@code -dbPath}. */
    public Path dynamoDb() {
        return root.resolve("dynamodb");
    }

    /** The H2 database of ElasticMQ's messages, without H2's {@code .mv.db} suffix. */
    public Path queueDatabase() {
        return root.resolve("sqs").resolve("queues");
    }

    /** A journal file of the local cloud's own state ({@code local/<name>.jsonl}). */
    public Path local(String name) {
        return root.resolve("local").resolve(name + ".jsonl");
    }

    /** Releases the directory. */
    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // released by the operating system with the channel anyway
        }
        closeQuietly(lockChannel);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing left to release
            }
        }
    }

    @Override
    public String toString() {
        return root.toString();
    }
}
