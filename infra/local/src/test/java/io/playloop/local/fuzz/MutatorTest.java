package io.playloop.local.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.playloop.local.LocalCloudOptions;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The fuzzer itself never stops a run: any seed draws cases of every route, under the size cap, without throwing. */
class MutatorTest {

    @Test
    void aThousandAndMoreDraws_neverThrow_stayUnderTheCap_andCoverEveryRoute() {
        Mutator mutator = new Mutator(Seeds.load(Path.of("../../events/commerce")), LocalCloudOptions.DEFAULT_PHONE_NUMBER_ID);
        Random random = new Random(20261207);
        Set<FuzzCase.Route> routes = new HashSet<>();
        Set<String> byteMutations = new HashSet<>();
        for (int i = 0; i < 1_500; i++) {
            FuzzCase c = mutator.next(random, Instant.parse("2026-12-07T12:00:00Z"), i);
            assertThat(c.body().length).isLessThanOrEqualTo(Mutator.MAX_CASE_BYTES);
            routes.add(c.route());
            c.mutations().stream().filter(m -> java.util.Arrays.asList(Mutator.BYTE_MUTATIONS).contains(m))
                    .forEach(byteMutations::add);
        }
        assertThat(routes).containsExactlyInAnyOrder(FuzzCase.Route.values());
        assertThat(byteMutations).containsExactlyInAnyOrder(Mutator.BYTE_MUTATIONS);
    }

    @Test
    void aTreeOfGigabytes_isMeasuredWithoutBeingWritten_andASmallOneFits() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ArrayNode messages = mapper.createArrayNode();
        com.fasterxml.jackson.databind.node.ObjectNode message = mapper.createObjectNode()
                .put("from", "33612345678").put("text", "\u00e9".repeat(1_100_000));
        for (int i = 0; i < 1_000; i++) {
            messages.add(message); // the same node a thousand times: 1.1 G characters once written
        }
        com.fasterxml.jackson.databind.node.ObjectNode huge = mapper.createObjectNode().set("messages", messages);
        com.fasterxml.jackson.databind.node.ObjectNode small = mapper.createObjectNode()
                .put("id", "wamid.\"quoted\"").put("name", "\u0645\u0631\u064a\u0645").put("n", 12);
        int smallWritten = mapper.writeValueAsBytes(small).length;

        assertThat(Mutator.writtenBytesExceed(huge, false, Mutator.MAX_CASE_BYTES)).isTrue();
        assertThat(Mutator.writtenBytesExceed(huge, true, Mutator.MAX_CASE_BYTES)).isTrue();
        assertThat(Mutator.writtenBytesExceed(small, false, smallWritten - 1)).as("never counted below what is written")
                .isTrue();
        assertThat(Mutator.writtenBytesExceed(small, false, smallWritten + 8)).as("nor far above it").isFalse();
    }
}
