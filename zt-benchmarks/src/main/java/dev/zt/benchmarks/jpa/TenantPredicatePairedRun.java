package dev.zt.benchmarks.jpa;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The zt-vs-hand comparison of {@link TenantPredicateBenchmark}, interleaved: every round runs a
 * block of each operation back to back (the order rotating), so a burst of load from other
 * processes hits both sides of a pair alike. Prints per operation the median block latency and,
 * per pair, the median of the per-round ratios zt / hand. {@code filter*} is Hibernate's filter
 * without zt, to split the overhead between Hibernate's mechanism and zt's guards.
 *
 * <pre>
 * java -cp zt-benchmarks/target/zt-benchmarks.jar dev.zt.benchmarks.jpa.TenantPredicatePairedRun [rounds] [opsPerBlock]
 * </pre>
 */
public final class TenantPredicatePairedRun {

    private static final List<String> OPERATIONS = List.of("ztList", "handList", "ztFind", "handFind", "filterList", "filterFind");

    private TenantPredicatePairedRun() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int ops = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        try (BenchFixture fixture = new BenchFixture()) {
            for (int i = 0; i < 20; i++) { // warm-up: JIT, pools, PostgreSQL caches
                roundTimes(fixture, ops, i);
            }
            double[][] micros = new double[OPERATIONS.size()][rounds];
            for (int r = 0; r < rounds; r++) {
                double[] t = roundTimes(fixture, ops, r);
                for (int o = 0; o < t.length; o++) {
                    micros[o][r] = t[o];
                }
            }
            System.out.printf(Locale.ROOT, "rounds=%d, ops per block=%d, tenant %s of %d, %,d rows%n",
                    rounds, ops, BenchFixture.TENANT, BenchDatabase.TENANTS, BenchDatabase.ROWS);
            for (int o = 0; o < OPERATIONS.size(); o++) {
                System.out.printf(Locale.ROOT, "%-9s median %8.1f us/op%n", OPERATIONS.get(o), median(micros[o]));
            }
            System.out.printf(Locale.ROOT, "list  zt/hand median ratio %.3f%n", medianRatio(micros[0], micros[1]));
            System.out.printf(Locale.ROOT, "find  zt/hand median ratio %.3f%n", medianRatio(micros[2], micros[3]));
            System.out.printf(Locale.ROOT, "list  filter/hand median ratio %.3f (Hibernate's filter alone)%n",
                    medianRatio(micros[4], micros[1]));
            System.out.printf(Locale.ROOT, "find  filter/hand median ratio %.3f (Hibernate's filter alone)%n",
                    medianRatio(micros[5], micros[3]));
            System.out.printf(Locale.ROOT, "list  zt/filter median ratio %.3f (zt's own guards)%n", medianRatio(micros[0], micros[4]));
            System.out.printf(Locale.ROOT, "find  zt/filter median ratio %.3f (zt's own guards)%n", medianRatio(micros[2], micros[5]));
        }
    }

    /** Mean microseconds per op of one block of each operation, in an order rotated by {@code round}. */
    private static double[] roundTimes(BenchFixture fixture, int ops, int round) {
        double[] result = new double[OPERATIONS.size()];
        for (int k = 0; k < OPERATIONS.size(); k++) {
            int o = (k + round) % OPERATIONS.size();
            long start = System.nanoTime();
            for (int i = 0; i < ops; i++) {
                run(fixture, o);
            }
            result[o] = (System.nanoTime() - start) / 1_000.0 / ops;
        }
        return result;
    }

    private static long run(BenchFixture fixture, int operation) {
        return switch (operation) {
            case 0 -> fixture.ztList().size();
            case 1 -> fixture.handList().size();
            case 2 -> fixture.ztFind(fixture.nextId()) == null ? 0 : 1;
            case 3 -> fixture.handFind(fixture.nextId()) == null ? 0 : 1;
            case 4 -> fixture.filterList().size();
            case 5 -> fixture.filterFind(fixture.nextId()) == null ? 0 : 1;
            default -> throw new IllegalArgumentException("operation " + operation);
        };
    }

    private static double medianRatio(double[] a, double[] b) {
        double[] ratios = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            ratios[i] = a[i] / b[i];
        }
        return median(ratios);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
