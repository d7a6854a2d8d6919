package dev.zt.benchmarks.jpa;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of zt's tenant predicate on PostgreSQL ({@link BenchFixture} describes the operations),
 * on {@code bench_order}: 1,000,000 rows across 100 tenants, index {@code (tenant_id, id)}.
 *
 * <pre>
 * sudo bash .ci/postgres-setup.sh
 * mvn -B -pl zt-benchmarks package -DskipTests
 * java -jar zt-benchmarks/target/zt-benchmarks.jar TenantPredicateBenchmark
 * </pre>
 *
 * JMH runs the benchmarks one after another, so load from other processes can shift one against
 * another; {@link TenantPredicatePairedRun} interleaves them for a ratio that resists that.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 10, time = 3)
@Fork(1)
public class TenantPredicateBenchmark {

    private BenchFixture fixture;

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        fixture = new BenchFixture();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws SQLException {
        fixture.close();
    }

    @Benchmark
    public List<ZtOrder> ztList() {
        return fixture.ztList();
    }

    @Benchmark
    public List<PlainOrder> handList() {
        return fixture.handList();
    }

    @Benchmark
    public ZtOrder ztFind() {
        return fixture.ztFind(fixture.nextId());
    }

    @Benchmark
    public PlainOrder handFind() {
        return fixture.handFind(fixture.nextId());
    }

    @Benchmark
    public List<FilteredOrder> filterList() {
        return fixture.filterList();
    }

    @Benchmark
    public FilteredOrder filterFind() {
        return fixture.filterFind(fixture.nextId());
    }

    @Benchmark
    public int jdbcList() throws SQLException {
        return fixture.jdbcList();
    }

    @Benchmark
    public int jdbcFind() throws SQLException {
        return fixture.jdbcFind(fixture.nextId());
    }
}
