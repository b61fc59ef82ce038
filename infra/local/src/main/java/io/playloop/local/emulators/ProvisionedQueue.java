package io.playloop.local.emulators;

import io.playloop.definitions.QueueDefinition;

/**
 * A queue of the template as created in ElasticMQ.
 *
 * @param definition what template.yaml declares
 * @param url        its queue URL
 * @param arn        its ARN ({@code arn:aws:sqs:us-east-1:000000000000:<name>})
 */
public record ProvisionedQueue(QueueDefinition definition, String url, String arn) {
    public String name() {
        return definition.localName();
    }
}
