package dev.zt.benchmarks.audit;

import dev.zt.core.AuditEvent;
import dev.zt.core.AuditMetrics;
import dev.zt.core.AuditSink;
import java.util.concurrent.atomic.LongAdder;

/** What one trail recorded, dropped and delivered, so a block can wait for the previous one's backlog. */
final class AuditCounts implements AuditMetrics {

    final LongAdder recorded = new LongAdder();
    final LongAdder dropped = new LongAdder();
    final LongAdder delivered = new LongAdder();

    @Override
    public void recorded(AuditEvent event) {
        recorded.increment();
    }

    @Override
    public void dropped(AuditEvent event) {
        dropped.increment();
    }

    /** {@code sink}, counting each event it has finished with. */
    AuditSink counting(AuditSink sink) {
        return event -> {
            try {
                sink.deliver(event);
            } finally {
                delivered.increment();
            }
        };
    }

    /** True when every recorded event was delivered or dropped. */
    boolean settled() {
        return delivered.sum() + dropped.sum() >= recorded.sum();
    }
}
