package io.playloop.local.iam;

import io.playloop.store.Keys;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Local IAM for the table: refuses, with AWS's {@code AccessDeniedException}, any call a function makes that its
 * template.yaml policy ({@link TablePolicy}) would not allow on AWS: the action (a transaction is authorised per
 * contained Put/Update/Delete/ConditionCheck, a batch per contained item), the table or an index, and the partition key
 * against the policy's {@code dynamodb:LeadingKeys}. Records what each function used, for the template test.
 */
public final class TableAccessGuard implements ExecutionInterceptor {
    private final TablePolicy policy;
    /** "action on prefix" pairs the function used, e.g. {@code dynamodb:PutItem CUSTOMER#}. */
    private final Set<String> used = ConcurrentHashMap.newKeySet();

    public TableAccessGuard(TablePolicy policy) {
        this.policy = policy;
    }

    /** What the function used so far: {@code <action> <partition key prefix>} ({@code index} for index queries). */
    public Set<String> used() {
        return Set.copyOf(used);
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        for (Access access : accesses(context.request())) {
            if (!policy.allows(access.action(), access.on(), access.partitionKey())) {
                throw DynamoDbException.builder().statusCode(400)
                        .message("User: " + policy.function() + " is not authorized to perform: " + access.action()
                                + " on " + (access.on() == TablePolicy.On.INDEX ? "an index of the table"
                                : "the table for a partition key " + prefix(access.partitionKey()) + "…")
                                + " (template.yaml's policy of " + policy.function() + " does not allow it)")
                        .awsErrorDetails(AwsErrorDetails.builder().errorCode("AccessDeniedException").serviceName("DynamoDb")
                                .errorMessage("not authorized: " + access.action()).build())
                        .build();
            }
            used.add(access.action() + " " + (access.on() == TablePolicy.On.INDEX ? "index" : prefix(access.partitionKey())));
        }
    }

    /** One authorisation IAM makes for a request. */
    record Access(String action, TablePolicy.On on, String partitionKey) {
    }

    static List<Access> accesses(SdkRequest request) {
        List<Access> out = new ArrayList<>();
        TablePolicy.On table = TablePolicy.On.TABLE;
        if (request instanceof GetItemRequest r) {
            out.add(new Access("dynamodb:GetItem", table, pk(r.key())));
        } else if (request instanceof PutItemRequest r) {
            out.add(new Access("dynamodb:PutItem", table, pk(r.item())));
        } else if (request instanceof UpdateItemRequest r) {
            out.add(new Access("dynamodb:UpdateItem", table, pk(r.key())));
        } else if (request instanceof DeleteItemRequest r) {
            out.add(new Access("dynamodb:DeleteItem", table, pk(r.key())));
        } else if (request instanceof QueryRequest r) {
            if (r.indexName() != null) {
                out.add(new Access("dynamodb:Query", TablePolicy.On.INDEX, null));
            } else {
                out.add(new Access("dynamodb:Query", table, queriedPartition(r)));
            }
        } else if (request instanceof BatchGetItemRequest r) {
            r.requestItems().values().forEach(ka -> ka.keys().forEach(k ->
                    out.add(new Access("dynamodb:BatchGetItem", table, pk(k)))));
        } else if (request instanceof BatchWriteItemRequest r) {
            for (List<WriteRequest> writes : r.requestItems().values()) {
                for (WriteRequest w : writes) {
                    out.add(new Access("dynamodb:BatchWriteItem", table,
                            w.putRequest() != null ? pk(w.putRequest().item()) : pk(w.deleteRequest().key())));
                }
            }
        } else if (request instanceof TransactWriteItemsRequest r) {
            for (TransactWriteItem item : r.transactItems()) {
                if (item.put() != null) {
                    out.add(new Access("dynamodb:PutItem", table, pk(item.put().item())));
                } else if (item.update() != null) {
                    out.add(new Access("dynamodb:UpdateItem", table, pk(item.update().key())));
                } else if (item.delete() != null) {
                    out.add(new Access("dynamodb:DeleteItem", table, pk(item.delete().key())));
                } else if (item.conditionCheck() != null) {
                    out.add(new Access("dynamodb:ConditionCheckItem", table, pk(item.conditionCheck().key())));
                }
            }
        } else if (request instanceof TransactGetItemsRequest r) {
            for (TransactGetItem item : r.transactItems()) {
                out.add(new Access("dynamodb:GetItem", table, pk(item.get().key())));
            }
        } else {
            String name = request.getClass().getSimpleName().replaceFirst("Request$", "");
            out.add(new Access("dynamodb:" + name, table, null));
        }
        return out;
    }

    private static String pk(Map<String, AttributeValue> key) {
        AttributeValue pk = key == null ? null : key.get(Keys.PK);
        return pk == null ? null : pk.s();
    }

    /** The partition key value a table Query names ({@code pk = :v}); null when it cannot be read. */
    private static String queriedPartition(QueryRequest r) {
        String expression = r.keyConditionExpression();
        if (expression == null) {
            return null;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(#?\\w+)\\s*=\\s*(:\\w+)").matcher(expression);
        while (m.find()) {
            String name = m.group(1);
            String attribute = name.startsWith("#") && r.expressionAttributeNames() != null
                    ? r.expressionAttributeNames().get(name) : name;
            if (Keys.PK.equals(attribute) && r.expressionAttributeValues() != null) {
                AttributeValue v = r.expressionAttributeValues().get(m.group(2));
                return v == null ? null : v.s();
            }
        }
        return null;
    }

    /** The key's type prefix, up to and including its first {@code #} (never the customer's id). */
    static String prefix(String partitionKey) {
        if (partitionKey == null) {
            return "(none)";
        }
        int hash = partitionKey.indexOf('#');
        return hash < 0 ? partitionKey : partitionKey.substring(0, hash + 1);
    }
}
