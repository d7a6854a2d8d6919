package dev.zt.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zt.core.AuditEvent;
import dev.zt.core.AuditEvent.Layer;
import dev.zt.core.AuditEvent.Outcome;
import dev.zt.core.AuditMetrics;
import dev.zt.core.AuditTrail;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** A trail built from configuration finds the counters with {@link ServiceLoader}, in the global registry. */
class MicrometerAuditMetricsDiscoveryTest {

    @Test
    void serviceLoaderWhenJarPresentThenFindsMicrometerAuditMetricsCountingIntoTheGlobalRegistry() {
        List<AuditMetrics> found = ServiceLoader.load(AuditMetrics.class).stream().map(ServiceLoader.Provider::get).toList();
        assertThat(found).hasSize(1).first().isInstanceOf(MicrometerAuditMetrics.class);

        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Metrics.addRegistry(registry);
        try {
            AuditTrail.Builder builder = AuditTrail.builder().sink(event -> { });
            found.forEach(builder::metrics);
            AuditTrail trail = builder.build();
            trail.record(AuditEvent.builder(Instant.now(), Layer.FILTER, Outcome.DENIED, "ZT-2017").build());
            trail.record(AuditEvent.builder(Instant.now(), Layer.FILTER, Outcome.DENIED, "ZT-2017").build());
            assertThat(trail.closeAndDrain()).isTrue();
            assertThat(registry.get(MicrometerAuditMetrics.DECISIONS)
                    .tags("layer", "FILTER", "outcome", "DENIED", "reason", "ZT-2017").counter().count()).isEqualTo(2);
            assertThat(registry.get(MicrometerAuditMetrics.DROPPED).tag("layer", "FILTER").counter().count()).isZero();
        } finally {
            Metrics.removeRegistry(registry);
            registry.close();
        }
    }
}
