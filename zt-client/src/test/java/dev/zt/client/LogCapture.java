package dev.zt.client;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Collects every JUL record while open: the client's logger at every level, every other logger (a
 * library's, the JDK's) at its configured level, since the handler sits on the root logger.
 */
final class LogCapture extends Handler implements AutoCloseable {

    private final Logger root = Logger.getLogger("");
    private final Logger logger = Logger.getLogger(ClientLog.LOGGER);
    private final Level previous = logger.getLevel();
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final SimpleFormatter formatter = new SimpleFormatter();

    LogCapture() {
        setLevel(Level.ALL);
        logger.setLevel(Level.ALL);
        root.addHandler(this);
    }

    /** Each record as text: the formatted message, the raw pattern, every parameter and any thrown chain. */
    List<String> texts() {
        List<String> texts = new ArrayList<>();
        for (LogRecord record : records) {
            texts.add(formatter.formatMessage(record));
            texts.add(String.valueOf(record.getMessage()));
            if (record.getParameters() != null) {
                for (Object parameter : record.getParameters()) {
                    texts.add(String.valueOf(parameter));
                }
            }
            for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
                texts.add(String.valueOf(t));
            }
        }
        return texts;
    }

    List<String> messages() {
        return records.stream().map(formatter::formatMessage).toList();
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        root.removeHandler(this);
        logger.setLevel(previous);
    }
}
