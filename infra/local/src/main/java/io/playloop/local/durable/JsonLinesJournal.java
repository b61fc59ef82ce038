package io.playloop.local.durable;

import com.fasterxml.jackson.databind.JsonNode;
import io.playloop.local.http.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A journal in a file of JSON lines, one change per line. Each line reaches the file in one write, so a killed
 * process leaves at most its last line cut short; {@link #open} drops such a line (it was never acknowledged)
 * and cuts the file back to its last whole line. {@link #rewrite} replaces the file at once (write, then rename)
 * with a compact form of the state. Thread-safe.
 */
public final class JsonLinesJournal implements Journal, AutoCloseable {
    private final Path file;
    private final List<JsonNode> recovered;
    private FileChannel channel;

    private JsonLinesJournal(Path file, List<JsonNode> recovered) throws IOException {
        this.file = file;
        this.recovered = List.copyOf(recovered);
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
    }

    /** Opens (or creates) the journal and reads back what an earlier run wrote. */
    public static JsonLinesJournal open(Path file) {
        try {
            List<JsonNode> lines = new ArrayList<>();
            if (Files.exists(file)) {
                byte[] bytes = Files.readAllBytes(file);
                int start = 0;
                for (int i = 0; i < bytes.length; i++) {
                    if (bytes[i] == '\n') {
                        JsonNode line = lineAt(bytes, start, i);
                        if (line != null) {
                            lines.add(line);
                        }
                        start = i + 1;
                    }
                }
                if (start < bytes.length) {
                    // A line the process was killed while writing: cut it off, or the next append would join it.
                    try (FileChannel truncate = FileChannel.open(file, StandardOpenOption.WRITE)) {
                        truncate.truncate(start);
                    }
                }
            }
            return new JsonLinesJournal(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the journal " + file + ": " + e.getMessage(), e);
        }
    }

    private static JsonNode lineAt(byte[] bytes, int from, int to) {
        if (to <= from) {
            return null;
        }
        try {
            return Json.MAPPER.readTree(bytes, from, to - from);
        } catch (IOException e) {
            return null; // not JSON: skipped rather than refusing to start
        }
    }

    /** The lines an earlier run left, oldest first. */
    public List<JsonNode> recovered() {
        return recovered;
    }

    @Override
    public synchronized void append(Object entry) {
        byte[] json = Json.bytes(entry);
        ByteBuffer line = ByteBuffer.allocate(json.length + 1).put(json).put((byte) '\n').flip();
        try {
            while (line.hasRemaining()) {
                channel.write(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + file + ": " + e.getMessage(), e);
        }
    }

    /** Replaces the whole journal with these entries, at once. */
    public synchronized void rewrite(List<?> entries) {
        Path next = file.resolveSibling(file.getFileName() + ".next");
        try {
            List<byte[]> lines = new ArrayList<>(entries.size());
            int size = 0;
            for (Object entry : entries) {
                byte[] json = Json.bytes(entry);
                lines.add(json);
                size += json.length + 1;
            }
            ByteBuffer all = ByteBuffer.allocate(size);
            lines.forEach(l -> all.put(l).put((byte) '\n'));
            Files.write(next, all.array());
            channel.close();
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rewrite " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // every line was written when append returned
        }
    }
}
