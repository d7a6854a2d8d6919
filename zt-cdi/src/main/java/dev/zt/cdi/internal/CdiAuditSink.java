package dev.zt.cdi.internal;

import dev.zt.core.AuditEvent;
import dev.zt.core.AuditSink;
import jakarta.enterprise.inject.spi.BeanManager;

/**
 * Hands every audit event to the application's CDI observers, on the audit trail's delivery thread
 * (never on the request path):
 *
 * <pre>{@code
 * void store(@Observes AuditEvent event) { ... }   // in an @ApplicationScoped bean
 * }</pre>
 *
 * Found by the deployment's trail through {@code META-INF/services/dev.zt.core.AuditSink}; it fires
 * into the CDI container of this deployment once that container is ready ({@code ZeroTrustExtension}
 * attaches it after deployment validation and detaches it at shutdown). Events delivered while no
 * container is attached reach only the trail's other sinks. An observer that throws is counted by
 * the trail as a sink failure and changes no decision. Observers run with no request context active:
 * observe in application-scoped or dependent beans.
 */
public final class CdiAuditSink implements AuditSink {

    private static volatile BeanManager container;

    /** Called by the extension when the deployment is valid. */
    public static void attach(BeanManager beanManager) {
        container = beanManager;
    }

    /** Called by the extension before the container shuts down. */
    public static void detach(BeanManager beanManager) {
        if (container == beanManager) {
            container = null;
        }
    }

    @Override
    public void deliver(AuditEvent event) {
        BeanManager beanManager = container;
        if (beanManager != null) {
            beanManager.getEvent().select(AuditEvent.class).fire(event);
        }
    }
}
