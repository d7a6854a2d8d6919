package dev.zt.jpa;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Where the integration tests connect. PostgreSQL settings come from environment variables or
 * {@code -Dzt.pg.*} system properties; the defaults match {@code .ci/postgres-setup.sh}:
 * <ul>
 *   <li>{@code ZT_PG_URL} / {@code zt.pg.url}: {@code jdbc:postgresql://127.0.0.1:5432/zt_test}</li>
 *   <li>{@code ZT_PG_OWNER_USER}, {@code ZT_PG_OWNER_PASSWORD}: {@code zt_owner} / {@code zt_owner}</li>
 *   <li>{@code ZT_PG_APP_USER}, {@code ZT_PG_APP_PASSWORD}: {@code zt_app} / {@code zt_app}</li>
 * </ul>
 * An unreachable server fails the test (never skips it).
 */
record TestDatabase(String name, String url, String user, String password) {

    static TestDatabase h2(String database) {
        return new TestDatabase("H2", "jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1", "sa", "");
    }

    static TestDatabase postgresOwner() {
        return new TestDatabase("PostgreSQL", setting("ZT_PG_URL", "zt.pg.url", "jdbc:postgresql://127.0.0.1:5432/zt_test"),
                setting("ZT_PG_OWNER_USER", "zt.pg.owner.user", "zt_owner"),
                setting("ZT_PG_OWNER_PASSWORD", "zt.pg.owner.password", "zt_owner")).requireReachable();
    }

    static TestDatabase postgresApp() {
        return new TestDatabase("PostgreSQL", setting("ZT_PG_URL", "zt.pg.url", "jdbc:postgresql://127.0.0.1:5432/zt_test"),
                setting("ZT_PG_APP_USER", "zt.pg.app.user", "zt_app"),
                setting("ZT_PG_APP_PASSWORD", "zt.pg.app.password", "zt_app")).requireReachable();
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    Map<String, Object> jpaProperties() {
        Map<String, Object> p = new HashMap<>();
        p.put("jakarta.persistence.jdbc.url", url);
        p.put("jakarta.persistence.jdbc.user", user);
        p.put("jakarta.persistence.jdbc.password", password);
        p.put("hibernate.connection.pool_size", "2");
        return p;
    }

    private TestDatabase requireReachable() {
        try (Connection ignored = connect()) {
            return this;
        } catch (SQLException e) {
            throw new AssertionError("PostgreSQL is not reachable at " + url + " as " + user + " (" + e.getMessage()
                    + "). Start it with: sudo bash .ci/postgres-setup.sh (or set ZT_PG_URL / ZT_PG_*_USER / *_PASSWORD)", e);
        }
    }

    private static String setting(String env, String property, String fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(env);
        }
        return value == null || value.isBlank() ? fallback : value;
    }
}
