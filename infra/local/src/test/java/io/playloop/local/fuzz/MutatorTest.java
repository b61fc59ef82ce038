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
}
