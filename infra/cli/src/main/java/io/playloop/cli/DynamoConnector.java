package io.playloop.cli;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Opens the DynamoDB client a table command talks to; tests pass one over DynamoDB Local. */
@FunctionalInterface
public interface DynamoConnector {
    DynamoDbClient connect(TableOptions options);
}
