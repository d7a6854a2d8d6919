package dev.zt.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zt.cdi.GuardedMethod.Protection;
import dev.zt.cdi.fixtures.OrderService;
import dev.zt.cdi.fixtures.broken.BlankReasonService;
import dev.zt.cdi.fixtures.broken.EmptyScopeService;
import dev.zt.cdi.fixtures.broken.StaleActorHolder;
import dev.zt.cdi.fixtures.guarded.InvoiceService;
import dev.zt.cdi.fixtures.strict.PaymentService;
import dev.zt.cdi.fixtures.strict.PayoutService;
import dev.zt.cdi.fixtures.strictclean.LedgerService;
import dev.zt.core.ActorContext;
import dev.zt.core.InsufficientScopeException;
import jakarta.enterprise.inject.spi.DefinitionException;
import jakarta.enterprise.inject.spi.DeploymentException;
import java.util.UUID;
import java.util.function.Consumer;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

/** Deployment-level behaviour of the extension on a real Weld SE container. */
class StrictModeIT {

    @Test
    void deployWhenStrictPackageHasUnguardedPublicMethodsThenFailsNamingEachOfThem() {
        assertThatThrownBy(() -> deploy(PaymentService.class, PayoutService.class))
                .isInstanceOf(DeploymentException.class)
                .hasMessageContaining("ZT-3101 strict mode: 2 public business method(s)")
                .hasMessageContaining("dev.zt.cdi.fixtures.strict.PaymentService#refund(java.lang.String)")
                .hasMessageContaining("dev.zt.cdi.fixtures.strict.PayoutService#payout(java.lang.String)")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("#charge", "#pending", "#reconcile"));
    }

    @Test
    void deployWhenStrictPackageHasEveryPublicMethodDecidedThenSucceeds() {
        deploy(container -> {
            GuardedMethodInventory inventory = container.select(GuardedMethodInventory.class).get();

            assertThat(inventory.guardedPackages()).containsExactly("dev.zt.cdi.fixtures.strictclean");
            assertThat(inventory.methods()).extracting(GuardedMethod::signature, GuardedMethod::protection).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("dev.zt.cdi.fixtures.strictclean.LedgerService#balance(java.lang.String)",
                            Protection.REQUIRES_SCOPE),
                    org.assertj.core.groups.Tuple.tuple("dev.zt.cdi.fixtures.strictclean.LedgerService#post(java.lang.String, long)",
                            Protection.REQUIRES_SCOPE),
                    org.assertj.core.groups.Tuple.tuple("dev.zt.cdi.fixtures.strictclean.LedgerService#version()",
                            Protection.PERMITTED_WITHOUT_SCOPE));
            assertThat(inventory.strictViolations()).isEmpty();
            System.out.println(inventory.report());
        }, LedgerService.class);
    }

    @Test
    void deployWhenStrictPackageHoldsAServletThenTheServletIsNotInventoried() {
        deploy(container -> {
            GuardedMethodInventory inventory = container.select(GuardedMethodInventory.class).get();
            assertThat(inventory.methods()).extracting(GuardedMethod::signature)
                    .noneMatch(signature -> signature.contains("LedgerServlet"))
                    .anyMatch(signature -> signature.contains("LedgerService#balance"));
            assertThat(inventory.strictViolations()).isEmpty();
        }, LedgerService.class, dev.zt.cdi.fixtures.strictclean.LedgerServlet.class);
    }

    @Test
    void deployWhenGuardedPackageIsNotStrictThenSucceedsAndReportsTheUnguardedMethods() {
        deploy(container -> {
            GuardedMethodInventory inventory = container.select(GuardedMethodInventory.class).get();

            assertThat(inventory.unguarded()).extracting(GuardedMethod::signature).containsExactly(
                    "dev.zt.cdi.fixtures.guarded.InvoiceService#export()",
                    "dev.zt.cdi.fixtures.guarded.InvoiceService#internalHelper()");
            assertThat(inventory.methods()).extracting(GuardedMethod::signature)
                    .doesNotContain("dev.zt.cdi.fixtures.guarded.InvoiceService#warmUp()",
                            "dev.zt.cdi.fixtures.guarded.InvoiceService#toString()");
            assertThat(inventory.report()).startsWith("ZT-3100").contains("reason: \"currency list, no customer data\"");
            // the guarded method is enforced in the deployed application, too
            InvoiceService invoices = container.select(InvoiceService.class).get();
            assertThatThrownBy(() -> ActorContext.runAs(TestActors.withScopes("invoices:read"),
                    () -> invoices.issue("acme", 100))).isInstanceOf(InsufficientScopeException.class);
        }, InvoiceService.class);
    }

    @Test
    void deployWhenStrictSwitchIsOnThenEveryGuardedPackageIsStrict() {
        withProperty(ZeroTrustSettingsKeys.STRICT, "true", () ->
                assertThatThrownBy(() -> deploy(InvoiceService.class))
                        .isInstanceOf(DeploymentException.class)
                        .hasMessageContaining("InvoiceService#export()")
                        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("internalHelper")));
    }

    @Test
    void deployWhenGuardedPackagesPropertyNamesAPackageThenItsBeansAreInventoried() {
        withProperty(ZeroTrustSettingsKeys.GUARDED_PACKAGES, "dev.zt.cdi.fixtures", () -> deploy(container -> {
            GuardedMethodInventory inventory = container.select(GuardedMethodInventory.class).get();

            assertThat(inventory.guardedPackages()).containsExactly("dev.zt.cdi.fixtures");
            assertThat(inventory.unguarded()).extracting(GuardedMethod::signature).containsExactly(
                    "dev.zt.cdi.fixtures.OrderService#executions()", "dev.zt.cdi.fixtures.OrderService#placeViaThis(java.lang.String)");
            assertThat(inventory.selfInvoked()).extracting(GuardedMethod::signature)
                    .containsExactly("dev.zt.cdi.fixtures.OrderService#place(java.lang.String)");
        }, OrderService.class));
    }

    @Test
    void deployWhenStrictValueIsMalformedThenFailsRatherThanRunningUnguarded() {
        withProperty(ZeroTrustSettingsKeys.STRICT, "yes", () ->
                assertThatThrownBy(() -> deploy(LedgerService.class))
                        .isInstanceOf(DefinitionException.class).hasMessageContaining("ZT-3103"));
    }

    @Test
    void deployWhenRequiresScopeNamesNoScopeOrAMalformedOneThenFails() {
        assertThatThrownBy(() -> deploy(EmptyScopeService.class))
                .isInstanceOf(DefinitionException.class)
                .hasMessageContaining("ZT-3010")
                .hasMessageContaining("EmptyScopeService#nothing")
                .hasMessageContaining("'orders:write '");
    }

    @Test
    void deployWhenOptOutHasBlankReasonThenFails() {
        assertThatThrownBy(() -> deploy(BlankReasonService.class))
                .isInstanceOf(DefinitionException.class).hasMessageContaining("ZT-3011");
    }

    @Test
    void deployWhenApplicationScopedBeanInjectsActorThenFails() {
        assertThatThrownBy(() -> deploy(StaleActorHolder.class))
                .isInstanceOf(DefinitionException.class)
                .hasMessageContaining("ZT-3012")
                .hasMessageContaining("Provider<Actor>");
    }

    private static void deploy(Class<?>... beans) {
        deploy(container -> { }, beans);
    }

    private static void deploy(Consumer<WeldContainer> test, Class<?>... beans) {
        Weld weld = new Weld(UUID.randomUUID().toString()).disableDiscovery()
                .addExtension(new ZeroTrustExtension()).addBeanClasses(beans);
        try (WeldContainer container = weld.initialize()) {
            test.accept(container);
        }
    }

    private static void withProperty(String key, String value, Runnable test) {
        String previous = System.getProperty(key);
        System.setProperty(key, value);
        try {
            test.run();
        } finally {
            if (previous == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, previous);
            }
        }
    }

    /** The keys, spelled out here so that a renamed key breaks this test. */
    private static final class ZeroTrustSettingsKeys {
        static final String STRICT = "zt.cdi.strict";
        static final String GUARDED_PACKAGES = "zt.cdi.guarded-packages";
    }
}
