package io.playloop.local.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.Update;

class TableAccessGuardTest {
    private static final String POLICIES = """
            [{"Statement":[
              {"Sid":"Customers","Effect":"Allow","Action":["dynamodb:GetItem","dynamodb:PutItem","dynamodb:UpdateItem"],
               "Resource":"PlayLoopTable.Arn",
               "Condition":{"ForAllValues:StringLike":{"dynamodb:LeadingKeys":["CUSTOMER#*","CAMPAIGN#*"]}}},
              {"Effect":"Allow","Action":["dynamodb:Query"],"Resource":"${PlayLoopTable.Arn}/index/*"}]},
             {"SQSSendMessagePolicy":{"QueueName":"RewardsQueue.QueueName"}}]""";
    private final TableAccessGuard guard = new TableAccessGuard(policy());

    private static TablePolicy policy() {
        try {
            return TablePolicy.of("GameFunction", new ObjectMapper().readTree(POLICIES));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aReadOfTheCustomersOwnPartition_isAllowed_andRecordedByPrefixOnly() {
        guard.beforeExecution(() -> GetItemRequest.builder().key(key("CUSTOMER#33612345678", "PROFILE")).build(), null);
        assertThat(guard.used()).containsExactly("dynamodb:GetItem CUSTOMER#");
    }

    @Test
    void anActionThePolicyDoesNotName_isAccessDenied_withoutTheCustomersKeyInTheMessage() {
        assertThatThrownBy(() -> guard.beforeExecution(() -> DeleteItemRequest.builder()
                .key(key("CUSTOMER#33612345678", "PROFILE")).build(), null))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageContaining("dynamodb:DeleteItem")
                .hasMessageNotContaining("33612345678")
                .satisfies(e -> assertThat(((DynamoDbException) e).awsErrorDetails().errorCode())
                        .isEqualTo("AccessDeniedException"));
    }

    @Test
    void aKeyOutsideTheLeadingKeys_isDenied_evenInsideATransactionWhoseOtherItemsAreAllowed() {
        TransactWriteItemsRequest transaction = TransactWriteItemsRequest.builder().transactItems(
                TransactWriteItem.builder().put(Put.builder().item(key("CUSTOMER#1", "PROFILE")).build()).build(),
                TransactWriteItem.builder().update(Update.builder().key(key("COUPON#ABC", "COUPON")).build()).build())
                .build();
        assertThatThrownBy(() -> guard.beforeExecution(() -> transaction, null))
                .hasMessageContaining("dynamodb:UpdateItem").hasMessageContaining("COUPON#");
    }

    @Test
    void aQueryOnTheIndex_needsAnIndexGrant_andATableQueryNeedsATableGrant() {
        guard.beforeExecution(() -> QueryRequest.builder().indexName("gsi1").keyConditionExpression("gsi1pk = :p")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("DUE#1"))).build(), null);
        assertThatThrownBy(() -> guard.beforeExecution(() -> QueryRequest.builder().keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("CUSTOMER#1"))).build(), null))
                .hasMessageContaining("dynamodb:Query");
    }

    @Test
    void iamStringLike_matchesStarAndQuestionMark_literallyOtherwise() {
        assertThat(TablePolicy.glob("CUSTOMER#*").matcher("CUSTOMER#3361").matches()).isTrue();
        assertThat(TablePolicy.glob("CUSTOMER#*").matcher("CUSTOMERX3361").matches()).isFalse();
        assertThat(TablePolicy.glob("SCHEDULER").matcher("SCHEDULER").matches()).isTrue();
        assertThat(TablePolicy.glob("A?C").matcher("ABC").matches()).isTrue();
        assertThat(TablePolicy.glob("A.C").matcher("ABC").matches()).isFalse();
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk));
    }
}
