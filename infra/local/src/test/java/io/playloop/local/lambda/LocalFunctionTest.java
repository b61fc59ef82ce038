package io.playloop.local.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LocalFunctionTest {
    private final AtomicInteger coldStarts = new AtomicInteger();
    private final List<Context> contexts = new CopyOnWriteArrayList<>();

    /** A handler that remembers which environment (instance) served each call. */
    private final class Environment implements RequestHandler<String, String> {
        private final int id = coldStarts.incrementAndGet();

        @Override
        public String handleRequest(String event, Context context) {
            contexts.add(context);
            if (event.equals("fail")) {
                throw new IllegalStateException("handler failed");
            }
            return event + "@" + id;
        }
    }

    @Test
    void sequentialInvocations_reuseOneWarmEnvironment() {
        LocalFunction<String, String> f = new LocalFunction<>("GameFunction", 30, Environment::new);
        assertThat(f.invoke("a")).isEqualTo("a@1");
        assertThat(f.invoke("b")).isEqualTo("b@1");
        assertThat(coldStarts.get()).isEqualTo(1);
        assertThat(f.stats()).containsEntry("invocations", 2L).containsEntry("environments", 1);
    }

    @Test
    void concurrentInvocations_eachGetTheirOwnEnvironment() throws Exception {
        CountDownLatch bothInside = new CountDownLatch(2);
        LocalFunction<String, String> f = new LocalFunction<>("GameFunction", 30, () -> (event, context) -> {
            bothInside.countDown();
            try {
                assertThat(bothInside.await(10, TimeUnit.SECONDS)).isTrue(); // both run at once
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return event + "@" + coldStarts.incrementAndGet();
        });
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<String> one = pool.submit(() -> f.invoke("x"));
            Future<String> two = pool.submit(() -> f.invoke("y"));
            assertThat(List.of(one.get(), two.get())).hasSize(2);
        } finally {
            pool.shutdown();
        }
        assertThat(f.stats()).containsEntry("environments", 2).containsEntry("running", 0);
    }

    @Test
    void aHandlersException_reachesTheCaller_andTheEnvironmentStaysWarm() {
        LocalFunction<String, String> f = new LocalFunction<>("GameFunction", 30, Environment::new);
        assertThatThrownBy(() -> f.invoke("fail")).isInstanceOf(IllegalStateException.class).hasMessage("handler failed");
        assertThat(f.invoke("ok")).isEqualTo("ok@1");
        assertThat(f.stats()).containsEntry("errors", 1L).containsEntry("running", 0);
    }

    @Test
    void theContext_namesTheFunction_andCountsDownFromItsTimeout() {
        LocalFunction<String, String> f = new LocalFunction<>("GameFunction", 30, Environment::new);
        f.invoke("a");
        f.invoke("b");
        Context first = contexts.get(0);
        assertThat(first.getFunctionName()).isEqualTo("GameFunction");
        assertThat(first.getInvokedFunctionArn()).isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:GameFunction");
        assertThat(first.getRemainingTimeInMillis()).isBetween(1, 30_000);
        assertThat(first.getAwsRequestId()).isNotEqualTo(contexts.get(1).getAwsRequestId());
    }
}
