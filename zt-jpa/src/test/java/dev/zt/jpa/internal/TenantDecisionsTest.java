package dev.zt.jpa.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zt.core.Actor;
import dev.zt.core.ActorContext;
import dev.zt.core.ActorKind;
import dev.zt.core.Audit;
import dev.zt.core.AuditEvent;
import dev.zt.core.AuditEvent.Layer;
import dev.zt.core.AuditEvent.Outcome;
import dev.zt.core.AuditTrail;
import dev.zt.jpa.TenantViolationException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TenantDecisionsTest {

    private final List<AuditEvent> delivered = new CopyOnWriteArrayList<>();
    private AuditTrail trail;
    private Audit.Installation installation;

    @BeforeEach
    void install() {
        trail = AuditTrail.builder().sink(delivered::add).build();
        installation = Audit.install(trail);
    }

    @AfterEach
    void uninstall() {
        installation.close();
        trail.close();
    }

    @Test
    void denied_recordsOneEventForTheCurrentActor_andReturnsTheExceptionWithTheSameCode() {
        Actor bob = Actor.builder("bob", ActorKind.USER).tenant("globex").validFor(Clock.systemUTC(), Duration.ofHours(1)).build();
        TenantViolationException refusal = ActorContext.getAs(bob,
                () -> TenantDecisions.denied("ZT-4002", "persist", "Order#42", "persist of Order with a tenant other than the caller's"));
        List<AuditEvent> events = drain();
        assertThat(refusal.code()).isEqualTo("ZT-4002");
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.layer()).isEqualTo(Layer.JPA);
            assertThat(e.outcome()).isEqualTo(Outcome.DENIED);
            assertThat(e.reason()).isEqualTo("ZT-4002");
            assertThat(e.actorSubject()).contains("bob");
            assertThat(e.actorTenant()).contains("globex");
            assertThat(e.action()).contains("persist");
            assertThat(e.target()).contains("Order#42");
            assertThat(e.detail()).as("the exception's message is not copied into the event").isEmpty();
        });
    }

    @Test
    void tenantSafeSqlRun_withoutActor_recordsTheReasonOnly() {
        TenantDecisions.tenantSafeSqlRun("nightly   totals\n for the caller");
        assertThat(drain()).singleElement().satisfies(e -> {
            assertThat(e.outcome()).isEqualTo(Outcome.GRANTED);
            assertThat(e.reason()).isEqualTo("ZT-4102");
            assertThat(e.actorSubject()).isEmpty();
            assertThat(e.action()).contains("native-query");
            assertThat(e.detail()).contains("nightly totals for the caller");
        });
    }

    @Test
    void target_namesTheEntityBySimpleName_andTheIdOnlyWhenKnown() {
        assertThat(TenantDecisions.target("com.example.shop.Order", 42L)).isEqualTo("Order#42");
        assertThat(TenantDecisions.target("com.example.shop.Order", null)).isEqualTo("Order");
        assertThat(TenantDecisions.target((String) null, 42L)).isNull();
    }

    private List<AuditEvent> drain() {
        installation.close();
        assertThat(trail.closeAndDrain()).isTrue();
        return List.copyOf(delivered);
    }
}
