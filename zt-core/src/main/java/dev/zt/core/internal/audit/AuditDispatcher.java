package dev.zt.core.internal.audit;

import dev.zt.core.AuditEvent;
import dev.zt.core.AuditMetrics;
import dev.zt.core.AuditSink;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bounded queue and the single delivery thread behind {@link dev.zt.core.AuditTrail}. Offers
 * never block: a full queue drops the newest event and counts it.
 */
public final class AuditDispatcher {

    private static final System.Logger LOG = System.getLogger("dev.zt.core.AuditTrail");
    /** How often the idle thread looks whether it was closed. */
    private static final long IDLE_POLL_MILLIS = 50;

    private final List<AuditSink> sinks;
    private final List<AuditMetrics> metrics;
    private final BlockingQueue<AuditEvent> queue;
    private final Duration closeTimeout;
    private final int failureLogInterval;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong sinkFailures = new AtomicLong();
    private final Thread thread;
    private volatile boolean closed;

    public AuditDispatcher(List<AuditSink> sinks, List<AuditMetrics> metrics, int capacity, Duration closeTimeout,
                           int failureLogInterval) {
        this.sinks = sinks;
        this.metrics = metrics;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.closeTimeout = closeTimeout;
        this.failureLogInterval = failureLogInterval;
        this.thread = new Thread(this::run, "zt-audit");
        thread.setDaemon(true);
        thread.start();
    }

    public void offer(AuditEvent event) {
        if (event == null) {
            dropped.incrementAndGet();
            return;
        }
        count(event, false);
        if (closed || !queue.offer(event)) {
            drop(event);
        } else if (closed && queue.remove(event)) {
            // closed between the check and the offer: the thread may be gone, so nothing is left unaccounted
            drop(event);
        }
    }

    private void drop(AuditEvent event) {
        dropped.incrementAndGet();
        count(event, true);
    }

    private void count(AuditEvent event, boolean drop) {
        for (AuditMetrics m : metrics) {
            try {
                if (drop) {
                    m.dropped(event);
                } else {
                    m.recorded(event);
                }
            } catch (RuntimeException | LinkageError e) {
                failed(m, e);
            }
        }
    }

    public long dropped() {
        return dropped.get();
    }

    public long sinkFailures() {
        return sinkFailures.get();
    }

    /** @return true if the queue drained within the timeout */
    public boolean close() {
        closed = true;
        try {
            thread.join(Math.max(1, closeTimeout.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            thread.interrupt();
            LOG.log(Level.WARNING, "ZT-9002 audit trail closed with {0} events undelivered", queue.size());
            return false;
        }
        return true;
    }

    private void run() {
        try {
            while (true) {
                AuditEvent event = queue.poll(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (event != null) {
                    deliver(event);
                } else if (closed && queue.isEmpty()) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            // close() gave up waiting: what is left stays undelivered (and was reported there)
        }
    }

    private void deliver(AuditEvent event) {
        for (AuditSink sink : sinks) {
            try {
                sink.deliver(event);
            } catch (RuntimeException | LinkageError e) {
                failed(sink, e);
            }
        }
    }

    private void failed(Object sinkOrMetrics, Throwable e) {
        long failures = sinkFailures.incrementAndGet();
        if (failures % failureLogInterval == 1 || failureLogInterval == 1) {
            LOG.log(Level.WARNING, "ZT-9001 audit sink {0} failed with {1} ({2} failures so far)",
                    sinkOrMetrics.getClass().getName(), e.getClass().getName(), failures);
        }
    }
}
