package io.playloop.local.iam;

import com.fasterxml.jackson.databind.JsonNode;
import io.playloop.definitions.TemplateDefinitions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What one function's IAM policy in template.yaml lets it do on the table, read the way IAM reads it: the allowed
 * {@code dynamodb:} actions, on the table or on its indexes, and the partition keys a {@code dynamodb:LeadingKeys}
 * condition ({@code ForAllValues:StringLike}) restricts them to. The local cloud enforces it on every call the function
 * makes ({@link TableAccessGuard}), so a function that needs more than its policy gives fails locally as it would on AWS.
 *
 * <p>Only explicit {@code Allow} statements are read; SAM policy templates (SQSSendMessagePolicy,
 * AWSSecretsManagerGetSecretValuePolicy) grant nothing on the table.
 */
public final class TablePolicy {
    /** Where a grant applies. */
    public enum On { TABLE, INDEX }

    /** One statement's grant: actions on a resource kind, for partition keys matching the patterns (any when empty). */
    record Grant(Set<String> actions, Set<On> on, List<Pattern> leadingKeys, List<String> leadingKeyPatterns) {
        boolean allows(String action, On where, String partitionKey) {
            if (!on.contains(where) || !(actions.contains(action) || actions.contains("dynamodb:*"))) {
                return false;
            }
            if (leadingKeys.isEmpty()) {
                return true;
            }
            return partitionKey != null && leadingKeys.stream().anyMatch(p -> p.matcher(partitionKey).matches());
        }
    }

    private final String function;
    private final List<Grant> grants;

    TablePolicy(String function, List<Grant> grants) {
        this.function = function;
        this.grants = List.copyOf(grants);
    }

    /** Every function's table policy, by logical id. */
    public static Map<String, TablePolicy> fromTemplate(TemplateDefinitions template) {
        Map<String, TablePolicy> policies = new LinkedHashMap<>();
        for (String function : template.functionLogicalIds()) {
            policies.put(function, of(function, template.functionPolicies(function)));
        }
        return policies;
    }

    /** The table policy in a function's {@code Policies} node. */
    static TablePolicy of(String function, JsonNode policies) {
        List<Grant> grants = new ArrayList<>();
        for (JsonNode policy : policies) {
            for (JsonNode statement : policy.path("Statement")) {
                if (!"Allow".equals(statement.path("Effect").asText())) {
                    continue;
                }
                Set<String> actions = new LinkedHashSet<>();
                textsOf(statement.path("Action")).stream().filter(a -> a.startsWith("dynamodb:")).forEach(actions::add);
                Set<On> on = new LinkedHashSet<>();
                for (String resource : textsOf(statement.path("Resource"))) {
                    if (resource.contains("PlayLoopTable")) {
                        on.add(resource.contains("/index/") ? On.INDEX : On.TABLE);
                    }
                }
                if (actions.isEmpty() || on.isEmpty()) {
                    continue;
                }
                List<String> patterns = textsOf(statement.path("Condition").path("ForAllValues:StringLike")
                        .path("dynamodb:LeadingKeys"));
                grants.add(new Grant(actions, on, patterns.stream().map(TablePolicy::glob).toList(), patterns));
            }
        }
        return new TablePolicy(function, grants);
    }

    /** Whether the policy allows {@code action} on {@code where} for an item whose partition key is {@code partitionKey}. */
    public boolean allows(String action, On where, String partitionKey) {
        return grants.stream().anyMatch(g -> g.allows(action, where, partitionKey));
    }

    /** The function this policy belongs to. */
    public String function() {
        return function;
    }

    /** Every action any statement allows on the table or its indexes. */
    public Set<String> actions() {
        Set<String> out = new LinkedHashSet<>();
        grants.forEach(g -> out.addAll(g.actions()));
        return out;
    }

    /** The LeadingKeys patterns that restrict {@code action} on the table; empty when a statement allows it on any key. */
    public Set<String> leadingKeyPatterns(String action) {
        Set<String> out = new LinkedHashSet<>();
        for (Grant g : grants) {
            if (g.on().contains(On.TABLE) && g.actions().contains(action)) {
                if (g.leadingKeyPatterns().isEmpty()) {
                    return Set.of();
                }
                out.addAll(g.leadingKeyPatterns());
            }
        }
        return out;
    }

    private static List<String> textsOf(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isTextual()) {
            out.add(node.asText());
        } else if (node.isArray()) {
            node.forEach(n -> out.addAll(textsOf(n)));
        } else if (node.isObject()) {
            // the long forms of intrinsic functions: {"Fn::GetAtt": [...]}, {"Fn::Sub": "..."}
            node.forEach(n -> out.add(n.toString()));
        }
        return out;
    }

    /** IAM's StringLike: {@code *} any run of characters, {@code ?} one character, the rest literal. */
    static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
