package dev.zt.filter.it;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * A JUL handler on the root logger at level ALL, with every logger that handles a request or a
 * token opened to ALL: zt ({@code dev.zt}: the filter and zt-core log through
 * {@code System.getLogger}, JUL by default), jose4j, Jetty (which logs through SLF4J, absent here:
 * its records are not seen) and Jakarta. JDK internals stay at their configured level so the capture
 * is not flooded by them. Records are formatted as an operator would read them, stack traces included.
 */
final class LogCapture extends Handler {

    private static final List<String> OPENED = List.of("dev.zt", "org.jose4j", "org.eclipse.jetty", "jakarta");
    /** Strong references: JUL holds loggers weakly, and a collected logger forgets its level. */
    private static final List<Logger> KEEP = new java.util.ArrayList<>();
    private static final LogCapture INSTANCE = new LogCapture();
    private static final Formatter FORMAT = new SimpleFormatter();
    private final Queue<LogRecord> records = new ConcurrentLinkedQueue<>();
    private final AtomicInteger count = new AtomicInteger();

    private LogCapture() {
        setLevel(Level.ALL);
    }

    /** Attaches (once) to the root logger and opens every level; returns the shared capture. */
    static synchronized LogCapture install() {
        Logger root = Logger.getLogger("");
        for (String name : OPENED) {
            Logger logger = Logger.getLogger(name);
            logger.setLevel(Level.ALL);
            KEEP.add(logger);
        }
        for (Handler handler : root.getHandlers()) {
            if (handler == INSTANCE) {
                return INSTANCE;
            }
        }
        root.addHandler(INSTANCE);
        return INSTANCE;
    }

    /** Every record, formatted as an operator would read it (formatted only now: capture stays cheap). */
    List<String> lines() {
        return records.stream().map(r -> r.getLoggerName() + " " + r.getLevel() + " " + FORMAT.format(r)).toList();
    }

    @Override
    public void publish(LogRecord record) {
        if (count.incrementAndGet() <= 2_000_000) {
            records.add(record);
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
