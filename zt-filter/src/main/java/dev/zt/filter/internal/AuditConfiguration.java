package dev.zt.filter.internal;

import dev.zt.core.AuditMetrics;
import dev.zt.core.AuditSink;
import dev.zt.core.AuditTrail;
import dev.zt.core.JsonLinesAuditSink;
import dev.zt.filter.ConfigKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Function;

/**
 * The deployment's audit trail as configuration describes it: the {@code zt.audit} JSON-lines logger,
 * then every {@link AuditSink} and {@link AuditMetrics} the application's class loader offers through
 * {@link ServiceLoader}, with the configured queue capacity.
 */
public final class AuditConfiguration {

    private final int queueCapacity;
    private final List<AuditSink> sinks;
    private final List<AuditMetrics> metrics;

    private AuditConfiguration(int queueCapacity, List<AuditSink> sinks, List<AuditMetrics> metrics) {
        this.queueCapacity = queueCapacity;
        this.sinks = sinks;
        this.metrics = metrics;
    }

    /** @throws ConfigurationException naming the key or the provider that cannot be loaded */
    public static AuditConfiguration read(Function<String, String> lookup, ClassLoader loader) {
        Settings settings = new Settings(lookup);
        Long capacity = settings.number(ConfigKeys.AUDIT_QUEUE_CAPACITY);
        if (capacity != null && (capacity < 1 || capacity > 10_000_000)) {
            throw new ConfigurationException(ConfigKeys.AUDIT_QUEUE_CAPACITY, "must be between 1 and 10000000");
        }
        List<AuditSink> sinks = new ArrayList<>();
        sinks.add(new JsonLinesAuditSink());
        sinks.addAll(load(AuditSink.class, loader));
        return new AuditConfiguration(capacity == null ? 10_000 : capacity.intValue(), List.copyOf(sinks),
                load(AuditMetrics.class, loader));
    }

    private static <T> List<T> load(Class<T> type, ClassLoader loader) {
        try {
            List<T> found = new ArrayList<>();
            ServiceLoader.load(type, loader).forEach(found::add);
            return List.copyOf(found);
        } catch (ServiceConfigurationError e) {
            throw new ConfigurationException("META-INF/services/" + type.getName() + ": a provider cannot be loaded ("
                    + e.getMessage() + ")", e);
        }
    }

    public AuditTrail build() {
        AuditTrail.Builder trail = AuditTrail.builder().queueCapacity(queueCapacity);
        sinks.forEach(trail::sink);
        metrics.forEach(trail::metrics);
        return trail.build();
    }

    /** E.g. {@code sinks [JsonLinesAuditSink, CdiAuditSink], metrics [MicrometerAuditMetrics], queue 10000}. */
    public String describe() {
        return "sinks " + sinks.stream().map(s -> s.getClass().getSimpleName()).toList()
                + ", metrics " + metrics.stream().map(m -> m.getClass().getSimpleName()).toList()
                + ", queue capacity " + queueCapacity;
    }
}
