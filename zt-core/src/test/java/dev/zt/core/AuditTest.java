package dev.zt.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zt.core.AuditEvent.Layer;
import dev.zt.core.AuditEvent.Outcome;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AuditTest {

    private static final Instant T = Instant.parse("2026-12-03T12:00:00Z");

    private final List<Audit.Installation> installations = new java.util.ArrayList<>();
    private final List<AuditTrail> trails = new java.util.ArrayList<>();

    @AfterEach
    void uninstall() {
        installations.forEach(Audit.Installation::close);
        trails.forEach(AuditTrail::close);
    }

    private AuditTrail trail(List<AuditEvent> seen) {
        AuditTrail trail = AuditTrail.builder().sink(seen::add).clock(Clock.fixed(T, ZoneOffset.UTC)).build();
        trails.add(trail);
        return trail;
    }

    @Test
    void recordWhenTrailInstalledThenDeliveredThereStampedByItsClock() {
        List<AuditEvent> seen = new CopyOnWriteArrayList<>();
        AuditTrail trail = trail(seen);
        installations.add(Audit.install(trail));
        Audit.record(Audit.event(Layer.JPA, Outcome.DENIED, "ZT-4103").action("x").build());
        assertThat(trail.closeAndDrain()).isTrue();
        assertThat(seen).singleElement().satisfies(e -> {
            assertThat(e.time()).isEqualTo(T);
            assertThat(e.layer()).isEqualTo(Layer.JPA);
            assertThat(e.reason()).isEqualTo("ZT-4103");
        });
    }

    @Test
    void installWhenAnotherTrailInstalledThenRefusedNamingTheProblem() {
        installations.add(Audit.install(trail(new CopyOnWriteArrayList<>())));
        AuditTrail second = trail(new CopyOnWriteArrayList<>());
        assertThatThrownBy(() -> Audit.install(second)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ZT-9003");
    }

    @Test
    void installationWhenClosedThenUninstalledAndAnotherMayInstall() {
        AuditTrail first = trail(new CopyOnWriteArrayList<>());
        Audit.install(first).close();
        assertThat(Audit.installed()).isEmpty();
        AuditTrail second = trail(new CopyOnWriteArrayList<>());
        installations.add(Audit.install(second));
        assertThat(Audit.installed()).containsSame(second);
    }

    @Test
    void installationWhenAStaleOneIsClosedThenTheCurrentTrailStaysInstalled() {
        Audit.Installation stale = Audit.install(trail(new CopyOnWriteArrayList<>()));
        stale.close();
        AuditTrail current = trail(new CopyOnWriteArrayList<>());
        installations.add(Audit.install(current));
        stale.close();
        assertThat(Audit.installed()).containsSame(current);
    }

    @Test
    void recordWhenNoTrailInstalledThenWrittenAtOnceToTheZtAuditLogger() {
        Logger logger = Logger.getLogger(JsonLinesAuditSink.LOGGER_NAME);
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override public void publish(LogRecord record) { lines.add(record.getMessage()); }
            @Override public void flush() { }
            @Override public void close() { }
        };
        logger.addHandler(handler);
        try {
            assertThat(Audit.installed()).isEmpty();
            try (RequestCorrelation.Binding ignored = RequestCorrelation.bind(new RequestCorrelation("r-9", null, null))) {
                Audit.record(Audit.event(Layer.CLIENT, Outcome.DENIED, "ZT-5001").target("inventory").build());
            }
            assertThat(lines).singleElement().satisfies(line -> assertThat(line)
                    .contains("\"layer\":\"CLIENT\"", "\"reason\":\"ZT-5001\"", "\"target\":\"inventory\"", "\"requestId\":\"r-9\""));
        } finally {
            logger.removeHandler(handler);
        }
    }
}
