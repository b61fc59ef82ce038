package io.playloop.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SendPacerTest {
    @Test
    void spacesSendsEvenlyAndHalvesThePaceAfterAThroughputRefusal() {
        AtomicLong clock = new AtomicLong(0);
        List<Long> waits = new ArrayList<>();
        SendPacer pacer = new SendPacer(20, clock::get, nanos -> {
            waits.add(nanos);
            clock.addAndGet(nanos);
        });

        pacer.acquire();
        pacer.acquire();
        pacer.acquire();
        pacer.slowDown();
        pacer.acquire();
        pacer.acquire();

        assertThat(waits).containsExactly(50_000_000L, 50_000_000L, 50_000_000L, 100_000_000L);
    }
}
