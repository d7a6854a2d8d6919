package dev.zt.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zt.core.Audit;
import dev.zt.core.AuditEvent;
import dev.zt.core.AuditEvent.Outcome;
import dev.zt.core.AuditTrail;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The audit events recorded while it is installed: an {@link AuditTrail} with a collecting sink,
 * installed through {@link Audit#install}. One per test; {@link #close()} uninstalls it.
 */
final class RecordedEvents implements AutoCloseable {

    private final List<AuditEvent> delivered = new CopyOnWriteArrayList<>();
    private final AuditTrail trail;
    private final Audit.Installation installation;
    private List<AuditEvent> drained;

    private RecordedEvents() {
        this.trail = AuditTrail.builder().sink(delivered::add).build();
        this.installation = Audit.install(trail);
    }

    static RecordedEvents install() {
        return new RecordedEvents();
    }

    /** Every event recorded since {@link #install()}; ends recording (the trail is drained and closed). */
    List<AuditEvent> events() {
        if (drained == null) {
            installation.close();
            assertThat(trail.closeAndDrain()).as("every recorded event delivered").isTrue();
            assertThat(trail.dropped()).as("no event dropped").isZero();
            drained = List.copyOf(delivered);
        }
        return drained;
    }

    List<AuditEvent> denials() {
        return events().stream().filter(e -> e.outcome() == Outcome.DENIED).toList();
    }

    @Override
    public void close() {
        installation.close();
        trail.close();
    }
}
