package dev.zt.benchmarks.audit;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * CPU time this JVM spent, which the load of other processes on a shared machine inflates far less than
 * wall-clock throughput: the whole process, and the audit trails' delivery threads ({@code zt-audit}).
 */
final class ServerCpu {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ServerCpu() {
    }

    /** CPU time of the whole process so far, in nanoseconds. */
    static long processNanos() {
        return OS.getProcessCpuTime();
    }

    /** CPU time of every live {@code zt-audit} delivery thread so far, in nanoseconds. */
    static long auditThreadNanos() {
        long sum = 0;
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals("zt-audit")) {
                sum += Math.max(0, THREADS.getThreadCpuTime(thread.getId()));
            }
        }
        return sum;
    }
}
