package dev.zt.benchmarks.jpa;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The PostgreSQL of {@code .ci/postgres-setup.sh} (same ZT_PG_* variables and defaults as the zt-jpa
 * tests) and the benchmark table: 1,000,000 rows across 100 tenants, index {@code (tenant_id, id)}.
 */
final class BenchDatabase {

    static final int ROWS = 1_000_000;
    static final int TENANTS = 100;

    final String url = env("ZT_PG_URL", "jdbc:postgresql://127.0.0.1:5432/zt_test");
    final String user = env("ZT_PG_OWNER_USER", "zt_owner");
    final String password = env("ZT_PG_OWNER_PASSWORD", "zt_owner");

    Connection connect() throws SQLException {
        try {
            return DriverManager.getConnection(url, user, password);
        } catch (SQLException e) {
            throw new SQLException("PostgreSQL not reachable at " + url + ": run sudo bash .ci/postgres-setup.sh", e);
        }
    }

    /** Creates and fills {@code bench_order} unless it already holds exactly {@link #ROWS} rows. */
    void ensureTable() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("create table if not exists bench_order (id bigint primary key, tenant_id varchar(64) not null,"
                    + " customer varchar(255), amount integer not null)");
            s.execute("create index if not exists bench_order_tenant_id on bench_order (tenant_id, id)");
            long rows;
            try (ResultSet rs = s.executeQuery("select count(*) from bench_order")) {
                rs.next();
                rows = rs.getLong(1);
            }
            if (rows != ROWS) {
                s.execute("truncate bench_order");
                s.execute("insert into bench_order (id, tenant_id, customer, amount)"
                        + " select i, 'tenant-' || (i % " + TENANTS + "), 'customer ' || (i % 5000), ((i::bigint * 7919) % 10000)::int"
                        + " from generate_series(1, " + ROWS + ") as i");
                s.execute("analyze bench_order");
            }
        }
    }

    static String tenant(int n) {
        return "tenant-" + n;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
