package io.playloop.local.esm;

import com.fasterxml.jackson.databind.JsonNode;
import io.playloop.local.http.Json;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What Lambda's event-source mapping does with a batch once the function returned, by Lambda's rules
 * for {@code ReportBatchItemFailures}:
 * <ul>
 *   <li>the function threw: the whole batch is retried, nothing deleted;</li>
 *   <li>the mapping does not report item failures: the response is ignored, the batch deleted;</li>
 *   <li>a null response, or null/empty {@code batchItemFailures}: the batch succeeded;</li>
 *   <li>otherwise the listed records are retried and the rest deleted, except that a response Lambda
 *       cannot read (not an object, a null/empty itemIdentifier, or one that names no record of the
 *       batch) fails the whole batch.</li>
 * </ul>
 *
 * @param succeeded   message ids to delete
 * @param failed      message ids to leave on the queue (retried after the retry delay)
 * @param wholeBatch  true when the whole batch failed (thrown, or an unreadable response)
 * @param reason      why the whole batch failed, or null
 */
record BatchVerdict(List<String> succeeded, List<String> failed, boolean wholeBatch, String reason) {

    static BatchVerdict of(List<String> messageIds, Object response, Throwable thrown, boolean reportBatchItemFailures) {
        if (thrown != null) {
            return new BatchVerdict(List.of(), messageIds, true, "the function threw " + thrown);
        }
        if (!reportBatchItemFailures || response == null) {
            return new BatchVerdict(messageIds, List.of(), false, null);
        }
        JsonNode json;
        try {
            json = Json.MAPPER.valueToTree(response);
        } catch (IllegalArgumentException e) {
            return new BatchVerdict(List.of(), messageIds, true, "the response is not JSON: " + e.getMessage());
        }
        if (json == null || json.isNull()) {
            return new BatchVerdict(messageIds, List.of(), false, null);
        }
        if (!json.isObject()) {
            return new BatchVerdict(List.of(), messageIds, true, "the response is not a JSON object: " + json);
        }
        JsonNode failures = json.get("batchItemFailures");
        if (failures == null || failures.isNull() || (failures.isArray() && failures.isEmpty())) {
            return new BatchVerdict(messageIds, List.of(), false, null);
        }
        if (!failures.isArray()) {
            return new BatchVerdict(List.of(), messageIds, true, "batchItemFailures is not a list: " + failures);
        }
        Set<String> failed = new LinkedHashSet<>();
        for (JsonNode f : failures) {
            JsonNode id = f.get("itemIdentifier");
            if (id == null || !id.isTextual() || id.asText().isEmpty()) {
                return new BatchVerdict(List.of(), messageIds, true, "a batch item failure has no itemIdentifier: " + f);
            }
            if (!messageIds.contains(id.asText())) {
                return new BatchVerdict(List.of(), messageIds, true,
                        "itemIdentifier " + id.asText() + " is not a message of this batch");
            }
            failed.add(id.asText());
        }
        List<String> succeeded = new ArrayList<>();
        for (String id : messageIds) {
            if (!failed.contains(id)) {
                succeeded.add(id);
            }
        }
        return new BatchVerdict(succeeded, List.copyOf(failed), false, null);
    }
}
