package dev.zt.benchmarks.cdi;

import dev.zt.cdi.ZeroTrustExtension;
import dev.zt.core.Actor;
import dev.zt.core.ActorContext;
import dev.zt.core.ActorKind;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The per-call overhead of the {@code @RequiresScope} interceptor: a guarded and an unguarded call
 * on the same application-scoped bean (same client proxy, same Weld subclass), both made inside
 * {@link ActorContext#getAs} so that the binding cost cancels out. The difference is the check plus
 * the synchronous {@code AccessDecision} event (no observer).
 *
 * <pre>java -jar zt-benchmarks/target/zt-benchmarks.jar RequiresScopeBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RequiresScopeBenchmark {

    private WeldContainer container;
    private CheckedService service;
    private Actor actor;
    private long value;

    @Setup(Level.Trial)
    public void boot() {
        container = new Weld("zt-cdi-benchmark").disableDiscovery()
                .addExtension(new ZeroTrustExtension())
                .addBeanClasses(CheckedService.class)
                .initialize();
        service = container.select(CheckedService.class).get();
        actor = Actor.builder("alice", ActorKind.USER).tenant("acme").scopes("orders:read", "orders:write")
                .validFor(Clock.systemUTC(), Duration.ofHours(1)).build();
    }

    @TearDown(Level.Trial)
    public void shutdown() {
        container.close();
    }

    @Benchmark
    public long guarded() {
        return ActorContext.getAs(actor, () -> service.guarded(value++));
    }

    @Benchmark
    public long unguarded() {
        return ActorContext.getAs(actor, () -> service.unguarded(value++));
    }
}
