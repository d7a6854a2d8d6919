package dev.zt.benchmarks.cdi;

import dev.zt.cdi.ZeroTrustExtension;
import dev.zt.core.Actor;
import dev.zt.core.ActorContext;
import dev.zt.core.ActorKind;
import dev.zt.core.Audit;
import dev.zt.core.AuditTrail;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.LongUnaryOperator;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * A companion to {@link RequiresScopeBenchmark} for a shared, loaded machine: JMH measures wall time,
 * which other processes' load inflates; this measures the <em>thread CPU time</em> of the same two
 * calls, alternating guarded and unguarded rounds, and prints the median ns/op of each.
 *
 * <p>Every guarded call records a GRANTED audit event, as in a deployment: an audit trail is
 * installed whose sink discards (the measured cost is the caller's: building the event and offering
 * it to the queue; writing the JSON line happens on the trail's own thread).
 *
 * <pre>java -cp zt-benchmarks/target/zt-benchmarks.jar dev.zt.benchmarks.cdi.RequiresScopeCpuTime</pre>
 */
public final class RequiresScopeCpuTime {

    private static final int CALLS = 2_000_000;
    private static final int ROUNDS = 15;
    private static long sink;

    private RequiresScopeCpuTime() {
    }

    public static void main(String[] args) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        AuditTrail trail = AuditTrail.builder().sink(event -> { }).queueCapacity(1_000_000).build();
        try (Audit.Installation installed = Audit.install(trail);
             WeldContainer container = new Weld("zt-cdi-cpu-time").disableDiscovery()
                .addExtension(new ZeroTrustExtension()).addBeanClasses(CheckedService.class).initialize()) {
            CheckedService service = container.select(CheckedService.class).get();
            Actor actor = Actor.builder("alice", ActorKind.USER).tenant("acme").scopes("orders:read")
                    .validFor(Clock.systemUTC(), Duration.ofHours(1)).build();
            double[] guarded = new double[ROUNDS];
            double[] unguarded = new double[ROUNDS];
            for (int warmUp = 0; warmUp < 3; warmUp++) {
                round(threads, actor, service::guarded);
                round(threads, actor, service::unguarded);
            }
            for (int r = 0; r < ROUNDS; r++) {
                guarded[r] = round(threads, actor, service::guarded);
                unguarded[r] = round(threads, actor, service::unguarded);
            }
            double g = median(guarded);
            double u = median(unguarded);
            System.out.printf("thread CPU time, median of %d rounds of %d calls%n", ROUNDS, CALLS);
            System.out.printf("guarded    %7.1f ns/op%nunguarded  %7.1f ns/op%noverhead   %7.1f ns/op%n", g, u, g - u);
            System.out.println("(sink " + (sink & 1) + ")");
            System.out.printf("audit events dropped (queue full): %d of %d%n", trail.dropped(),
                    (long) (ROUNDS + 3) * CALLS);
        } finally {
            trail.close();
        }
    }

    @SuppressWarnings("try")
    private static double round(ThreadMXBean threads, Actor actor, LongUnaryOperator call) {
        long start = threads.getCurrentThreadCpuTime();
        try (ActorContext.Binding ignored = ActorContext.bind(actor)) {
            long acc = 0;
            for (int i = 0; i < CALLS; i++) {
                acc += call.applyAsLong(i);
            }
            sink += acc;
        }
        return (threads.getCurrentThreadCpuTime() - start) / (double) CALLS;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
