package dev.zt.benchmarks.verification;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * CPU time of the benchmark JVM per operation ({@code ·cpu.time.norm}, µs/op), next to JMH's wall-clock
 * score. On a machine shared with other builds the wall clock also counts the time the benchmark
 * thread waited for a core; process CPU time does not (it does count this JVM's GC and JIT threads,
 * so allocation pressure stays in the figure). Normalised like {@code -prof gc}: by all operations of
 * the iteration. Use: {@code -prof dev.zt.benchmarks.verification.CpuTimeProfiler}.
 */
public final class CpuTimeProfiler implements InternalProfiler {

    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private long cpuAtStart;

    @Override
    public String getDescription() {
        return "process CPU time per operation (robust to waiting for a core on a shared machine)";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        cpuAtStart = os.getProcessCpuTime();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
            IterationResult result) {
        long cpuNanos = os.getProcessCpuTime() - cpuAtStart;
        long ops = result.getMetadata().getAllOps();
        double microsPerOp = ops == 0 ? Double.NaN : cpuNanos / 1_000.0 / ops;
        return List.of(new ScalarResult("cpu.time.norm", microsPerOp, "us/op", AggregationPolicy.AVG));
    }
}
