package io.playloop.rewards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reward jobs as JSON: one job per queue record body; a list of them in the receipt (the outbox). */
public final class RewardJobCodec {
    static final int VERSION = 1;
    private final ObjectMapper mapper;

    public RewardJobCodec(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public String write(RewardJob job) {
        return node(job).toString();
    }

    public RewardJob read(String json) {
        try {
            return job(mapper.readTree(json));
        } catch (java.io.IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a reward job: " + e.getMessage(), e);
        }
    }

    /** A list of jobs (the receipt's outbox), or null for none. */
    public String writeAll(List<RewardJob> jobs) {
        if (jobs.isEmpty()) {
            return null;
        }
        ArrayNode array = mapper.createArrayNode();
        jobs.forEach(j -> array.add(node(j)));
        return array.toString();
    }

    public List<RewardJob> readAll(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            List<RewardJob> jobs = new ArrayList<>();
            for (JsonNode node : mapper.readTree(json)) {
                jobs.add(job(node));
            }
            return jobs;
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not a list of reward jobs: " + e.getMessage(), e);
        }
    }

    private ObjectNode node(RewardJob job) {
        ObjectNode node = mapper.createObjectNode();
        node.put("v", VERSION);
        node.put("jobId", job.jobId());
        node.put("kind", job.kind().name());
        node.put("customerKey", job.customerKey());
        node.put("campaignId", job.campaignId());
        job.rewardId().ifPresent(r -> node.put("rewardId", r));
        job.pool().ifPresent(p -> node.put("pool", p));
        return node;
    }

    private static RewardJob job(JsonNode node) {
        if (node.path("v").asInt() != VERSION) {
            throw new IllegalArgumentException("unknown reward job version " + node.path("v"));
        }
        return new RewardJob(node.path("jobId").asText(), RewardJob.Kind.valueOf(node.path("kind").asText()),
                node.path("customerKey").asText(), node.path("campaignId").asText(), text(node, "rewardId"),
                text(node, "pool"));
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
    }
}
