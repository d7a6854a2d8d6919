package dev.zt.core.internal.audit;

import dev.zt.core.AuditEvent;
import dev.zt.core.AuditMetrics;
import dev.zt.core.AuditSink;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The bounded queue and the single delivery thread behind {@link dev.zt.core.AuditTrail}. Offers
 * never block and take no lock (a lock-free queue and a counted bound): a full queue drops the
 * newest event and counts it. The delivery thread drains the queue and, when it finds it empty,
 * sleeps a little (1 ms, growing to 16 ms while nothing comes), so that recording never has to
 * wake it up.
 */
public final class AuditDispatcher {

    private static final System.Logger LOG = System.getLogger("dev.zt.core.AuditTrail");
    private static final long MIN_IDLE_PARK_NANOS = 1_000_000;
    private static final long MAX_IDLE_PARK_NANOS = 16_000_000;

    private final List<AuditSink> sinks;
    private final List<AuditMetrics> metrics;
    private final Queue<AuditEvent> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final int capacity;
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
        this.capacity = capacity;
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
        if (closed) {
            drop(event);
            return;
        }
        if (queued.incrementAndGet() > capacity) {
            queued.decrementAndGet();
            drop(event);
            return;
        }
        queue.offer(event);
        if (closed && queue.remove(event)) {
            // closed between the check and the offer: the thread may be gone, so nothing is left unaccounted
            queued.decrementAndGet();
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
            LOG.log(Level.WARNING, "ZT-9002 audit trail closed with {0} events undelivered", queued.get());
            return false;
        }
        return true;
    }

    private void run() {
        long idlePark = MIN_IDLE_PARK_NANOS;
        while (true) {
            AuditEvent event = queue.poll();
            if (event != null) {
                queued.decrementAndGet();
                deliver(event);
                idlePark = MIN_IDLE_PARK_NANOS;
                continue;
            }
            if (closed && queue.isEmpty()) {
                return;
            }
            LockSupport.parkNanos(this, idlePark);
            idlePark = Math.min(idlePark * 2, MAX_IDLE_PARK_NANOS);
            if (Thread.interrupted()) {
                return; // close() gave up waiting: what is left stays undelivered (and was reported there)
            }
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
