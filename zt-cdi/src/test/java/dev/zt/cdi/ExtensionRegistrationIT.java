package dev.zt.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zt.cdi.AccessDecision.Outcome;
import dev.zt.cdi.GuardedMethod.Protection;
import dev.zt.cdi.fixtures.DecisionRecorder;
import dev.zt.cdi.fixtures.OrderService;
import dev.zt.cdi.fixtures.guarded.InvoiceService;
import dev.zt.cdi.internal.ActorProducer;
import dev.zt.cdi.internal.ScopeInterceptor;
import dev.zt.core.ActorContext;
import dev.zt.core.InsufficientScopeException;
import dev.zt.core.NoActorException;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An application archive that holds its beans and a plain {@code beans.xml}: zt-cdi is on the class
 * path, nothing names its extension or interceptor, and still every guarded call is checked, once.
 */
@ExtendWith(ArquillianExtension.class)
class ExtensionRegistrationIT {

    static final String BEANS_XML = """
            <beans xmlns="https://jakarta.ee/xml/ns/jakartaee" version="4.0" bean-discovery-mode="annotated"/>
            """;

    @Deployment
    static JavaArchive application() {
        return ShrinkWrap.create(JavaArchive.class, "orders.jar")
                .addClasses(OrderService.class, DecisionRecorder.class)
                // zt-cdi's own interceptor and producer inside the bean archive, as when the jar is
                // repackaged into WEB-INF/classes: they must still run once, not twice
                .addClasses(ScopeInterceptor.class, ActorProducer.class)
                .addPackage(InvoiceService.class.getPackage())
                .addAsManifestResource(new StringAsset(BEANS_XML), "beans.xml");
    }

    @Inject
    BeanManager beanManager;

    @Inject
    OrderService orders;

    @Inject
    DecisionRecorder recorder;

    @Inject
    GuardedMethodInventory inventory;

    @Test
    void extensionWhenOnTheClassPathThenRegisteredWithoutBeansXmlEntry() {
        assertThat(beanManager.getExtension(ZeroTrustExtension.class)).isNotNull();
        assertThat(beanManager.getExtension(ZeroTrustExtension.class).inventory()).isSameAs(inventory);
    }

    @Test
    void placeWhenDeployedThenInterceptorDeniesWithoutActorAndGrantsWithScope() {
        assertThatThrownBy(() -> orders.place("book")).isInstanceOf(NoActorException.class);
        assertThatThrownBy(() -> ActorContext.runAs(TestActors.withScopes("orders:read"), () -> orders.place("book")))
                .isInstanceOf(InsufficientScopeException.class);

        assertThat(ActorContext.getAs(TestActors.withScopes("orders:write"), () -> orders.place("book"))).isEqualTo("placed book");
    }

    @Test
    void placeWhenDeployedThenExactlyOneDecisionPerCall() {
        int before = recorder.decisions().size();
        int executions = orders.executions();

        ActorContext.runAs(TestActors.withScopes("orders:write"), () -> orders.place("book"));

        assertThat(orders.executions()).isEqualTo(executions + 1);
        assertThat(recorder.decisions()).hasSize(before + 1);
        assertThat(recorder.decisions().get(before).outcome()).isEqualTo(Outcome.GRANTED);
    }

    @Test
    void inventoryWhenInjectedThenListsTheGuardedPackage() throws Exception {
        assertThat(inventory.guardedPackages()).containsExactly("dev.zt.cdi.fixtures.guarded");
        assertThat(inventory.find(InvoiceService.class, InvoiceService.class.getMethod("issue", String.class, long.class)))
                .hasValueSatisfying(m -> assertThat(m.protection()).isEqualTo(Protection.REQUIRES_SCOPE));
        assertThat(inventory.unguarded()).extracting(GuardedMethod::signature)
                .contains("dev.zt.cdi.fixtures.guarded.InvoiceService#export()");
    }
}
