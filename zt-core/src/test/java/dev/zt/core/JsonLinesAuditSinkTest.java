package dev.zt.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zt.core.AuditEvent.Layer;
import dev.zt.core.AuditEvent.Outcome;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JsonLinesAuditSinkTest {

    private static final Logger AUDIT = Logger.getLogger(JsonLinesAuditSink.LOGGER_NAME);
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void attach() {
        AUDIT.addHandler(handler);
    }

    @AfterEach
    void detach() {
        AUDIT.removeHandler(handler);
    }

    @Test
    void deliverWhenEventThenOneInfoLineOnZtAuditHoldingItsJson() {
        AuditEvent event = AuditEvent.builder(Instant.parse("2026-12-03T12:00:00Z"), Layer.FILTER, Outcome.DENIED, "ZT-2012")
                .action("GET /api/orders").build();
        new JsonLinesAuditSink().deliver(event);
        assertThat(records).hasSize(1);
        assertThat(records.get(0).getLevel()).isEqualTo(Level.INFO);
        assertThat(records.get(0).getLoggerName()).isEqualTo("zt.audit");
        assertThat(records.get(0).getMessage()).isEqualTo(event.toJson());
    }

    @Test
    void deliverWhenValuesLookLikeMessageFormatPatternsThenLineIsVerbatim() {
        AuditEvent event = AuditEvent.builder(Instant.parse("2026-12-03T12:00:00Z"), Layer.FILTER, Outcome.DENIED, "ZT-2000")
                .action("GET /{0}/'x'").build();
        new JsonLinesAuditSink().deliver(event);
        LogRecord record = records.get(0);
        assertThat(record.getParameters()).isNullOrEmpty();
        assertThat(new java.util.logging.SimpleFormatter().formatMessage(record)).isEqualTo(event.toJson());
    }
}
