package dev.zt.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * Runs callers on their own threads at once while the endpoint holds the first request, and
 * releases it only when every caller is parked waiting, so all of them overlap one in-flight fetch.
 */
final class ConcurrentCallers {

    /** What one caller got: a token or the failure it threw. */
    record Result(ServiceToken token, Throwable failure) {
    }

    private ConcurrentCallers() {
    }

    static List<Result> run(FakeTokenEndpoint endpoint, int callers, IntFunction<Callable<ServiceToken>> calls)
            throws Exception {
        endpoint.hold();
        List<Thread> threads = new CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(callers, task -> {
            Thread thread = new Thread(task);
            threads.add(thread);
            return thread;
        });
        try {
            List<Future<ServiceToken>> futures = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                futures.add(pool.submit(calls.apply(i)));
            }
            assertThat(endpoint.awaitFirstRequest()).isTrue();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (threads.size() < callers
                    || !threads.stream().allMatch(t -> t.getState() == Thread.State.WAITING)) {
                if (System.nanoTime() > deadline) {
                    fail("the callers did not all wait for the in-flight request");
                }
                Thread.onSpinWait();
            }
            endpoint.release();
            List<Result> results = new ArrayList<>();
            for (Future<ServiceToken> future : futures) {
                try {
                    results.add(new Result(future.get(10, TimeUnit.SECONDS), null));
                } catch (ExecutionException e) {
                    results.add(new Result(null, e.getCause()));
                }
            }
            return results;
        } finally {
            endpoint.release();
            pool.shutdownNow();
        }
    }
}
