package io.playloop.local.fuzz;

import io.playloop.local.LocalCloud;
import io.playloop.local.LocalCloudOptions;
import io.playloop.local.RunningLocalCloud;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fuzz at scale (a program, not a test): {@code --cases 20000} mutated, correctly signed webhooks in rounds of
 * {@code --round 200}, against a local cloud started in this JVM (or {@code --url} of a running one), then prints the
 * figures of issue 10's bar: answers by status, 5xx, 401, connections left unanswered, records dead-lettered, normal
 * messages unanswered after a round, OutOfMemoryErrors, and the first findings. Run from infra/local:
 * <pre>mvn -q -o test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.playloop.local.fuzz.WebhookFuzz
 *     -Dexec.args="--cases 20000 --seed 1"</pre>
 */
public final class WebhookFuzz {
    private WebhookFuzz() {
    }

    public static void main(String[] args) throws Exception {
        int cases = 20_000;
        int round = 200;
        long seed = System.nanoTime();
        URI url = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--cases" -> cases = Integer.parseInt(args[++i]);
                case "--round" -> round = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--url" -> url = URI.create(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + " (--cases N --round N --seed N --url http://127.0.0.1:8080)");
            }
        }
        AtomicInteger outOfMemory = new AtomicInteger();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
            if (e instanceof OutOfMemoryError) {
                outOfMemory.incrementAndGet();
            }
            System.err.println("uncaught in " + t.getName() + ": " + e);
            e.printStackTrace();
        });
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        RunningLocalCloud cloud = url != null ? null : LocalCloud.start(LocalCloudOptions.forTests()
                .withOut(new PrintStream(console, true, StandardCharsets.UTF_8)));
        URI base = url != null ? url : cloud.baseUrl();
        try {
            FuzzTarget target = new FuzzTarget(base);
            Mutator mutator = new Mutator(Seeds.load(Path.of("../../events/commerce")), LocalCloudOptions.DEFAULT_PHONE_NUMBER_ID);
            FuzzRun run = new FuzzRun(target, new Signer(LocalCloudOptions.DEFAULT_APP_SECRET,
                    LocalCloudOptions.DEFAULT_SHOP_SECRET), LocalCloudOptions.DEFAULT_PHONE_NUMBER_ID);
            run.deadLettered = target.deadLetterCount();
            Random random = new Random(seed);
            long t0 = System.nanoTime();
            for (int i = 0; i < cases; i++) {
                run.post(mutator.next(random, target.now(), i));
                if ((i + 1) % round == 0 || i == cases - 1) {
                    run.endRound(Duration.ofSeconds(180));
                    System.out.printf("%,d cases, %,d 5xx, %,d dead-lettered, %.0f s%n", i + 1, run.fiveHundreds(),
                            run.deadLettered, (System.nanoTime() - t0) / 1e9);
                }
            }
            long oomInConsole = console.toString(StandardCharsets.UTF_8).lines()
                    .filter(l -> l.contains("OutOfMemoryError")).count();
            System.out.println();
            System.out.println("seed " + seed + " (--seed " + seed + " reruns these cases)");
            System.out.println(run.summary());
            System.out.printf("OutOfMemoryError: %d uncaught, %d in the local cloud's log%n", outOfMemory.get(), oomInConsole);
            System.out.printf("wall time %.0f s%n", (System.nanoTime() - t0) / 1e9);
            System.out.println("findings (" + run.findings.size() + (run.findings.size() == 200 ? "+" : "") + "):");
            run.findings.stream().limit(40).forEach(f -> System.out.println("  " + f));
        } finally {
            if (cloud != null) {
                cloud.close();
            }
        }
    }
}
