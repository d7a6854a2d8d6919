package dev.zt.cdi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zt.cdi.fixtures.OrderService;
import dev.zt.cdi.fixtures.guarded.InvoiceService;
import dev.zt.cdi.fixtures.strict.PaymentService;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ZeroTrustSettingsTest {

    @Test
    void fromWhenNothingConfiguredThenNoGuardedPackagesAndNotStrict() {
        ZeroTrustSettings settings = ZeroTrustSettings.from(k -> null, k -> null);

        assertThat(settings.strict()).isFalse();
        assertThat(settings.guardOf(OrderService.class)).isEqualTo(ZeroTrustSettings.Guard.NONE);
    }

    @Test
    void fromWhenPropertyNamesPackageThenItAndSubpackagesAreGuarded() {
        ZeroTrustSettings settings = ZeroTrustSettings.from(
                Map.of("zt.cdi.guarded-packages", " com.acme , dev.zt.cdi.fixtures")::get, k -> null);

        assertThat(settings.guardOf(OrderService.class)).isEqualTo(ZeroTrustSettings.Guard.GUARDED);
        assertThat(settings.guardOf(String.class)).isEqualTo(ZeroTrustSettings.Guard.NONE);
        assertThat(settings.guardedPackages()).contains("com.acme", "dev.zt.cdi.fixtures");
    }

    @Test
    void fromWhenPackageIsOnlyAPrefixOfTheNameThenNotGuarded() {
        ZeroTrustSettings settings = ZeroTrustSettings.from(Map.of("zt.cdi.guarded-packages", "dev.zt.cdi.fix")::get, k -> null);

        assertThat(settings.guardOf(OrderService.class)).isEqualTo(ZeroTrustSettings.Guard.NONE);
    }

    @Test
    void fromWhenOnlyEnvironmentSetThenEnvironmentIsUsed() {
        ZeroTrustSettings settings = ZeroTrustSettings.from(k -> null,
                Map.of("ZT_CDI_GUARDED_PACKAGES", "dev.zt.cdi.fixtures", "ZT_CDI_STRICT", "TRUE")::get);

        assertThat(settings.strict()).isTrue();
        assertThat(settings.guardOf(OrderService.class)).isEqualTo(ZeroTrustSettings.Guard.STRICT);
    }

    @Test
    void fromWhenPropertyAndEnvironmentDisagreeThenPropertyWins() {
        ZeroTrustSettings settings = ZeroTrustSettings.from(Map.of("zt.cdi.strict", "false")::get,
                Map.of("ZT_CDI_STRICT", "true")::get);

        assertThat(settings.strict()).isFalse();
    }

    @Test
    void fromWhenStrictIsNotABooleanThenRejectedRatherThanOff() {
        for (String value : new String[] {"yes", "1", "on", "ture"}) {
            assertThatThrownBy(() -> ZeroTrustSettings.from(Map.of("zt.cdi.strict", value)::get, k -> null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("ZT-3103");
        }
    }

    @Test
    void fromWhenPackageNameIsMalformedThenRejected() {
        for (String value : new String[] {"com.acme.*", "com..acme", "com/acme", "1com"}) {
            assertThatThrownBy(() -> ZeroTrustSettings.from(Map.of("zt.cdi.guarded-packages", value)::get, k -> null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("ZT-3103");
        }
    }

    @Test
    void guardOfWhenPackageAnnotatedThenGuardedAndStrictAsAnnotated() {
        ZeroTrustSettings settings = ZeroTrustSettings.from(k -> null, k -> null);

        assertThat(settings.guardOf(InvoiceService.class)).isEqualTo(ZeroTrustSettings.Guard.GUARDED);
        assertThat(settings.guardOf(PaymentService.class)).isEqualTo(ZeroTrustSettings.Guard.STRICT);
        assertThat(settings.guardedPackages()).containsExactly("dev.zt.cdi.fixtures.guarded", "dev.zt.cdi.fixtures.strict");
    }

    @Test
    void guardOfWhenGlobalStrictThenAnnotatedNonStrictPackageBecomesStrict() {
        ZeroTrustSettings settings = ZeroTrustSettings.from(Map.of("zt.cdi.strict", "true")::get, k -> null);

        assertThat(settings.guardOf(InvoiceService.class)).isEqualTo(ZeroTrustSettings.Guard.STRICT);
        assertThat(settings.guardOf(OrderService.class)).isEqualTo(ZeroTrustSettings.Guard.NONE);
    }
}
