package dev.zt.jpa;

import dev.zt.jpa.internal.TenantAudit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Captures zt-jpa's audit records (the {@code dev.zt.jpa.audit} logger). */
final class AuditLog extends Handler implements AutoCloseable {

    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final Logger logger = Logger.getLogger(TenantAudit.LOGGER_NAME);

    private AuditLog() {
        logger.setLevel(Level.ALL);
        logger.addHandler(this);
    }

    static AuditLog capture() {
        return new AuditLog();
    }

    List<String> messages() {
        return List.copyOf(messages);
    }

    @Override
    public void publish(LogRecord record) {
        messages.add(record.getMessage());
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
