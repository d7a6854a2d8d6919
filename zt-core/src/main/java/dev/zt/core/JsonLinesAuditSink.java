package dev.zt.core;

import java.lang.System.Logger.Level;

/**
 * Writes each event as one JSON object on one line ({@link AuditEvent#toJson()}) to the
 * {@link System.Logger} named {@value #LOGGER_NAME} at {@code INFO}. Route that logger to its own
 * file or collector in your logging configuration. The line never holds a token: an event has no
 * field that could carry one, and every string is escaped so a hostile value cannot break the line.
 */
public final class JsonLinesAuditSink implements AuditSink {

    /** The logger every event line is written to. */
    public static final String LOGGER_NAME = "zt.audit";

    private final System.Logger logger;

    public JsonLinesAuditSink() {
        this.logger = System.getLogger(LOGGER_NAME);
    }

    @Override
    public void deliver(AuditEvent event) {
        if (logger.isLoggable(Level.INFO)) {
            // No parameters: the line is logged verbatim, never read as a MessageFormat pattern.
            logger.log(Level.INFO, event.toJson());
        }
    }
}
