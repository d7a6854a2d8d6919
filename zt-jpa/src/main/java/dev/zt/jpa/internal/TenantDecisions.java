package dev.zt.jpa.internal;

import dev.zt.core.Actor;
import dev.zt.core.ActorContext;
import dev.zt.core.Audit;
import dev.zt.core.AuditEvent;
import dev.zt.core.AuditEvent.Layer;
import dev.zt.core.AuditEvent.Outcome;
import dev.zt.core.NoActorException;
import dev.zt.jpa.MissingTenantException;
import dev.zt.jpa.TenantViolationException;
import java.lang.System.Logger.Level;
import java.util.function.Consumer;
import org.hibernate.persister.entity.EntityPersister;

/**
 * The one place where zt-jpa's access decisions become {@link AuditEvent}s (layer
 * {@link Layer#JPA JPA}), recorded through {@link Audit#record}: the privileged grants (a
 * cross-tenant call {@code ZT-4101}, a run of marked native SQL {@code ZT-4102}) and every
 * refusal for tenant reasons (a refused cross-tenant call {@code ZT-4103}, the {@code ZT-40nn}
 * denials, no actor {@code ZT-1001}).
 *
 * <p>A denial is recorded where its exception is created, by the factory methods here, and only
 * there: one refusal is one exception is one event, however many layers rethrow or wrap it.
 * Events name the actor, the operation and the entity type and id; never row contents, never SQL
 * text. Building or recording an event never throws: a failing audit cannot turn a denial into
 * success, nor a grant into a different failure.
 */
public final class TenantDecisions {

    /** The action of the cross-tenant events. */
    public static final String CROSS_TENANT_ACTION = "CrossTenantAccess";
    /** The action of a native statement: unmarked and rejected, or marked and run. */
    public static final String NATIVE_QUERY_ACTION = "native-query";
    /** The reason id of "no actor" (zt-core's {@link NoActorException}). */
    public static final String NO_ACTOR = "ZT-1001";

    private static final System.Logger LOG = System.getLogger(TenantDecisions.class.getName());

    private TenantDecisions() {
    }

    /** ZT-4101: {@code actor} holds {@code scope} and enters a cross-tenant call for {@code reason}. */
    public static void crossTenantGranted(Actor actor, String scope, String reason) {
        record(Outcome.GRANTED, "ZT-4101", event -> event.actor(actor).action(CROSS_TENANT_ACTION)
                .detail("scope " + scope + "; reason: " + oneLine(reason)));
    }

    /** ZT-4103: {@code actor} lacks {@code scope}; the cross-tenant call is refused. */
    public static void crossTenantRefused(Actor actor, String scope, String reason) {
        record(Outcome.DENIED, "ZT-4103", event -> event.actor(actor).action(CROSS_TENANT_ACTION)
                .detail("lacks scope " + scope + "; reason: " + oneLine(reason)));
    }

    /** ZT-4102: one run of marked native SQL. Only its stated reason is recorded, never the SQL. */
    public static void tenantSafeSqlRun(String reason) {
        record(Outcome.GRANTED, "ZT-4102", event -> {
            ActorContext.current().ifPresent(event::actor);
            event.action(NATIVE_QUERY_ACTION).detail(oneLine(reason));
        });
    }

    /**
     * Records a tenant denial by the current actor (if any) and returns the exception to throw.
     *
     * @param code    the stable id the exception carries, e.g. {@code ZT-4002}
     * @param action  the refused operation, e.g. {@code persist}
     * @param target  what it was refused on, e.g. {@link #target} {@code Customer#42}; may be null
     * @param message the exception's message (after the code)
     */
    public static TenantViolationException denied(String code, String action, String target, String message) {
        recordDenial(code, action, target, ActorContext.current().orElse(null));
        return new TenantViolationException(code, message);
    }

    /** Records ZT-4001 for {@code actor}, which has no tenant, and returns the exception to throw. */
    public static MissingTenantException missingTenant(Actor actor, String action) {
        MissingTenantException refusal = new MissingTenantException(actor);
        recordDenial(refusal.code(), action, null, actor);
        return refusal;
    }

    /** Records ZT-1001 (no actor) and returns the exception to throw. */
    public static NoActorException noActor(String action) {
        recordDenial(NO_ACTOR, action, null, null);
        return new NoActorException();
    }

    /** {@code Customer#42}: the entity's simple name and, when known, its id. */
    public static String target(EntityPersister persister, Object id) {
        return target(persister.getEntityName(), id);
    }

    /** {@code Customer#42} for the entity name {@code com.example.Customer} and id 42 (or null: {@code Customer}). */
    public static String target(String entityName, Object id) {
        if (entityName == null) {
            return null;
        }
        String name = entityName;
        String simple = name.substring(name.lastIndexOf('.') + 1);
        return id == null ? simple : simple + "#" + id;
    }

    private static void recordDenial(String code, String action, String target, Actor actor) {
        record(Outcome.DENIED, code, event -> {
            if (actor != null) {
                event.actor(actor);
            }
            event.action(action).target(target);
        });
    }

    private static void record(Outcome outcome, String reason, Consumer<AuditEvent.Builder> fields) {
        try {
            AuditEvent.Builder event = Audit.event(Layer.JPA, outcome, reason);
            fields.accept(event);
            Audit.record(event.build());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "ZT-9001 audit event " + reason + " not recorded: " + e.getClass().getName());
        }
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").strip();
    }
}
