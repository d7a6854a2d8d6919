package dev.zt.example.orders.service;

import dev.zt.cdi.Guards;
import dev.zt.cdi.RequiresScope;
import dev.zt.core.AccessDeniedException;
import dev.zt.core.Actor;
import dev.zt.core.AuditEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The service's recent access decisions, for its tenants' auditors: a custom audit sink written as a
 * CDI observer. zt delivers every {@link AuditEvent} of this deployment here on its audit thread
 * (never on a request thread); the last {@value #CAPACITY} are kept in memory. A real service would
 * store them; the JSON lines on the {@code zt.audit} logger are the durable trail.
 *
 * <p>Reading is tenant-scoped: an auditor sees only events whose actor belongs to the auditor's
 * tenant. Events without an actor (a request refused before anyone was identified) belong to no
 * tenant and are shown to nobody here.
 */
@ApplicationScoped
public class AuditLog {

    static final int CAPACITY = 2000;

    private final Deque<AuditEvent> recent = new ArrayDeque<>();
    private final Provider<Actor> caller;

    @Inject
    public AuditLog(Provider<Actor> caller) {
        this.caller = caller;
    }

    /** For the CDI proxy. */
    protected AuditLog() {
        this(null);
    }

    /** The observer zt's audit trail delivers to (package-private: not a business method). */
    void store(@Observes AuditEvent event) {
        synchronized (recent) {
            if (recent.size() == CAPACITY) {
                recent.removeFirst();
            }
            recent.addLast(event);
        }
    }

    /** The newest {@code limit} decisions about actors of the caller's tenant, newest first. */
    @RequiresScope("audit:read")
    public List<AuditEvent> recentForCallersTenant(int limit) {
        Actor auditor = caller.get();
        String tenant = auditor.tenant().orElseThrow(() -> new AccessDeniedException(AccessDeniedException.Reason.WRONG_TENANT,
                auditor.subject() + " has no tenant, so no tenant's audit events"));
        List<AuditEvent> visible = new ArrayList<>();
        synchronized (recent) {
            var newestFirst = recent.descendingIterator();
            while (newestFirst.hasNext() && visible.size() < limit) {
                AuditEvent event = newestFirst.next();
                if (event.actorTenant().map(tenant::equals).orElse(false)) {
                    visible.add(event);
                }
            }
        }
        // belt and braces: what leaves here is the auditor's tenant, whatever the filter above did
        visible.forEach(e -> Guards.assertTenant(auditor, e.actorTenant().orElse(null)));
        return visible;
    }
}
