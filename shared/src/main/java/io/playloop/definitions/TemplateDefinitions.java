package io.playloop.definitions;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;

/**
 * The table, queues and queue-driven functions as template.yaml declares them: the one definition that
 * SAM deploys, the local cloud creates and the tests use. Reading it needs jackson-dataformat-yaml on
 * the class path (the Lambda jars never call this).
 */
public final class TemplateDefinitions {

    /** Reads the template.yaml bundled in the shared jar (classpath {@code playloop/template.yaml}). */
    public static TemplateDefinitions bundled() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Reads a template.yaml file. */
    public static TemplateDefinitions load(Path templateYaml) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The CreateTable request for the single table (keys, GSIs, billing) under the given name. */
    public CreateTableRequest createTableRequest(String tableName) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The TTL attribute name (TimeToLiveSpecification.AttributeName). */
    public String ttlAttribute() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Every AWS::SQS::Queue, dead-letter queues included. */
    public List<QueueDefinition> queues() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public Optional<QueueDefinition> queue(String logicalId) {
        return queues().stream().filter(q -> q.logicalId().equals(logicalId)).findFirst();
    }

    /** Every SQS event source of every function (which function polls which queue, and how). */
    public List<QueueEventSource> queueEventSources() {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
