package io.playloop.local;

import io.playloop.definitions.QueueDefinition;
import io.playloop.local.durable.DataDir;
import io.playloop.local.emulators.ElasticMqServer;
import io.playloop.local.emulators.ProvisionedQueue;
import io.playloop.local.emulators.ResourceProvisioner;
import io.playloop.local.graph.Outbox;
import io.playloop.local.esm.EventSourceMapping;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The start-up lines: one per part, where it listens and how long it took to start. */
final class StartupReport {
    private StartupReport() {
    }

    static void print(PrintStream out, LocalCloudOptions options, String ttlAttribute, RunningLocalCloud cloud,
                      long dynamoMillis, long elasticMqMillis, Map<String, ProvisionedQueue> queues,
                      List<EventSourceMapping> mappings, long emulatorsReadyMillis, long httpMillis,
                      List<String> dataLines) {
        out.println("PlayLoop local cloud");
        out.printf("  DynamoDB Local  %-24s table %s (TTL on %s)   started in %d ms%n", cloud.dynamoDbEndpoint(),
                options.tableName(), ttlAttribute, dynamoMillis);
        List<String> described = new ArrayList<>();
        for (ProvisionedQueue q : queues.values()) {
            QueueDefinition d = q.definition();
            described.add(d.deadLetterLogicalId() == null ? q.name()
                    : q.name() + " (DLQ " + queues.get(d.deadLetterLogicalId()).name() + " after "
                    + d.maxReceiveCount() + " receives)");
        }
        out.printf("  ElasticMQ       %-24s queues %s   started in %d ms%n", cloud.sqsEndpoint(),
                String.join(", ", described), elasticMqMillis);
        for (EventSourceMapping m : mappings) {
            out.printf("  %-15s polls %s: batches of up to %d, %d pollers, failed records retried after %s%s%n",
                    m.source().functionLogicalId(), m.queue().name(), Math.min(m.source().batchSize(), 10),
                    options.pollersPerQueue(), options.retryDelay().effective(m.queue().definition()),
                    options.retryDelay().fixed() == null ? " (the queue's visibility timeout)" : " (--retry-delay)");
        }
        out.printf("  %-15s runs on POST /_local/tick%s; the Graph simulator %s the 24-hour window%n",
                io.playloop.local.lambda.FunctionCatalog.SCHEDULER_FUNCTION,
                options.scheduleEvery() == null ? " only" : " and every " + options.scheduleEvery() + " (--schedule-every)",
                options.enforceWindow() ? "enforces" : "ignores (--no-window)");
        out.printf("  HTTP            %-24s webhooks at /webhooks/whatsapp (IngestFunction), Graph API simulator at"
                + " /graph, controls at /_local (GET / lists them)   started in %d ms%n", cloud.baseUrl(), httpMillis);
        dataLines.forEach(line -> out.println("  Data            " + line));
        out.printf("Ready in %d ms (emulators with table and queues after %d ms): phone-number id %s, app secret %s,"
                        + " verify token %s. Ctrl-C stops.%n",
                cloud.startupTime().toMillis(), emulatorsReadyMillis, options.phoneNumberId(),
                options.appSecret().equals(LocalCloudOptions.DEFAULT_APP_SECRET) ? options.appSecret() : "(from --app-secret)",
                options.verifyToken().equals(LocalCloudOptions.DEFAULT_VERIFY_TOKEN) ? options.verifyToken() : "(from --verify-token)");
        out.flush();
    }

    /** Where the data lives: in memory, or kept in a data directory (and what came back from it). */
    static List<String> data(DataDir dataDir, ResourceProvisioner.TableProvisioning table,
                             ElasticMqServer.Restored restored, Outbox outbox, SimulatedClock clock) {
        if (dataDir == null) {
            return List.of("in memory: gone when the local cloud stops (--data-dir <dir> keeps it)");
        }
        List<String> parts = new ArrayList<>();
        parts.add(table.reused() ? "table kept" + (table.addedIndexes().isEmpty() ? ""
                : " (indexes added from template.yaml: " + String.join(", ", table.addedIndexes()) + ")")
                : "table created");
        parts.add(restored.total() + " queued message" + (restored.total() == 1 ? "" : "s") + " restored"
                + (restored.messages().isEmpty() ? "" : " " + restored.messages()));
        parts.add(outbox.size() + " outbox entr" + (outbox.size() == 1 ? "y" : "ies"));
        if (!clock.offset().isZero()) {
            parts.add("clock offset " + clock.offset());
        }
        List<String> lines = new ArrayList<>(List.of(dataDir.root() + ": " + String.join(", ", parts)));
        if (!restored.orphaned().isEmpty()) {
            lines.add("messages of queues template.yaml no longer declares stay on disk, unserved: "
                    + restored.orphaned());
        }
        return lines;
    }
}
