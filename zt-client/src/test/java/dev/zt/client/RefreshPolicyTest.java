package dev.zt.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RefreshPolicyTest {

    private final RefreshPolicy defaults = new RefreshPolicy(Duration.ofSeconds(30), 0.10);

    @Test
    void marginFor_shortToken_isTheFixedMargin() {
        assertThat(defaults.marginFor(Duration.ofMinutes(5))).isEqualTo(Duration.ofSeconds(30));
        assertThat(defaults.marginFor(Duration.ofMinutes(2))).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void marginFor_longToken_isTheProportionalMargin() {
        assertThat(defaults.marginFor(Duration.ofHours(1))).isEqualTo(Duration.ofMinutes(6));
    }

    @Test
    void ratioAboveHalf_orNegativeMargin_isRefused() {
        assertThatThrownBy(() -> new RefreshPolicy(Duration.ofSeconds(30), 0.9)).hasMessageStartingWith("ZT-7105");
        assertThatThrownBy(() -> new RefreshPolicy(Duration.ofSeconds(-1), 0.1)).hasMessageStartingWith("ZT-7105");
    }
}
