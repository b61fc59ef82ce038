package io.playloop.local.emulators;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Drops the start-up banner DynamoDB Local prints straight to stdout (its configuration, one line per
 * setting), so the local cloud prints one line per part. Every other line passes through unchanged.
 */
final class BannerFilter extends OutputStream {
    private static final List<String> BANNER = List.of("Initializing DynamoDB Local with the following configuration:",
            "Port:", "InMemory:", "Version:", "DbPath:", "SharedDb:", "shouldDelayTransientStatuses:", "CorsParams:",
            "DisableTelemetry:", "Telemetry:");

    private final PrintStream target;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private boolean dropNextBlank;

    private BannerFilter(PrintStream target) {
        this.target = target;
    }

    /** Runs {@code action} with stdout filtered; stdout is restored afterwards. */
    static <T> T around(java.util.function.Supplier<T> action) {
        synchronized (BannerFilter.class) {
            PrintStream original = System.out;
            BannerFilter filter = new BannerFilter(original);
            System.setOut(new PrintStream(filter, true, StandardCharsets.UTF_8));
            try {
                return action.get();
            } finally {
                System.setOut(original);
                filter.flush();
            }
        }
    }

    @Override
    public synchronized void write(int b) {
        if (b == '\n') {
            String text = line.toString(StandardCharsets.UTF_8);
            line.reset();
            boolean banner = BANNER.stream().anyMatch(text::startsWith);
            boolean blankAfterBanner = text.isBlank() && dropNextBlank;
            dropNextBlank = banner;
            if (!banner && !blankAfterBanner) {
                target.println(text);
            }
        } else {
            line.write(b);
        }
    }

    @Override
    public synchronized void flush() {
        if (line.size() > 0) {
            target.print(line.toString(StandardCharsets.UTF_8));
            line.reset();
        }
        target.flush();
    }
}
