package dev.zt.benchmarks.jpa;

import dev.zt.core.Actor;
import dev.zt.core.ActorContext;
import dev.zt.core.ActorKind;
import dev.zt.jpa.ZtJpaSettings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;

/**
 * The six operations compared, each one unit of work (open session, transaction, query, commit,
 * close): a typical list query (newest 20 orders above an amount) and a lookup by id, with zt
 * ({@code zt*}), with the tenant predicate written by hand through Hibernate without zt
 * ({@code hand*}), and through plain JDBC ({@code jdbc*}). Tenant {@code tenant-42} of 100.
 */
final class BenchFixture implements AutoCloseable {

    static final String TENANT = BenchDatabase.tenant(42);
    private static final int MIN_AMOUNT = 5000;

    private final SessionFactory zt;
    private final SessionFactory hand;
    private final SessionFactory filtered;
    private final Connection jdbc;
    private final PreparedStatement jdbcList;
    private final PreparedStatement jdbcFind;
    private final Actor actor;
    private final long[] ids = new long[1000];
    private int next;

    BenchFixture() throws SQLException {
        BenchDatabase database = new BenchDatabase();
        database.ensureTable();
        Map<String, Object> settings = new HashMap<>();
        settings.put("hibernate.connection.url", database.url);
        settings.put("hibernate.connection.username", database.user);
        settings.put("hibernate.connection.password", database.password);
        settings.put("hibernate.connection.pool_size", "2");
        Map<String, Object> ztSettings = new HashMap<>(settings);
        ztSettings.putAll(ZtJpaSettings.hibernateSettings());
        zt = factory(ztSettings, ZtOrder.class);
        hand = factory(settings, PlainOrder.class);
        filtered = factory(settings, FilteredOrder.class);
        jdbc = database.connect();
        jdbc.setAutoCommit(false);
        jdbcList = jdbc.prepareStatement("select id, tenant_id, customer, amount from bench_order"
                + " where tenant_id = ? and amount > ? order by id desc limit 20");
        jdbcFind = jdbc.prepareStatement("select id, tenant_id, customer, amount from bench_order where id = ? and tenant_id = ?");
        for (int i = 0; i < ids.length; i++) {
            ids[i] = 42L + 100L * (i * 97L % 9_999); // rows of tenant-42, spread over its 10,000
        }
        actor = Actor.builder("bench", ActorKind.SERVICE).tenant(TENANT)
                .validFor(Clock.systemUTC(), Duration.ofHours(2)).build();
    }

    private static SessionFactory factory(Map<String, Object> settings, Class<?> entity) {
        var registry = new StandardServiceRegistryBuilder().applySettings(settings).build();
        return new MetadataSources(registry).addAnnotatedClass(entity).buildMetadata().buildSessionFactory();
    }

    long nextId() {
        next = (next + 1) % ids.length;
        return ids[next];
    }

    /** zt: no tenant in the query; the actor is bound per unit of work, as zt's filter does per request. */
    List<ZtOrder> ztList() {
        try (ActorContext.Binding b = ActorContext.bind(actor); Session s = zt.openSession()) {
            s.beginTransaction();
            List<ZtOrder> result = s.createSelectionQuery("from ZtOrder o where o.amount > :min order by o.id desc", ZtOrder.class)
                    .setParameter("min", MIN_AMOUNT).setMaxResults(20).getResultList();
            s.getTransaction().commit();
            return result;
        }
    }

    List<PlainOrder> handList() {
        try (Session s = hand.openSession()) {
            s.beginTransaction();
            List<PlainOrder> result = s.createSelectionQuery(
                    "from PlainOrder o where o.tenantId = :tenant and o.amount > :min order by o.id desc", PlainOrder.class)
                    .setParameter("tenant", TENANT).setParameter("min", MIN_AMOUNT).setMaxResults(20).getResultList();
            s.getTransaction().commit();
            return result;
        }
    }

    ZtOrder ztFind(long id) {
        try (ActorContext.Binding b = ActorContext.bind(actor); Session s = zt.openSession()) {
            s.beginTransaction();
            ZtOrder result = s.find(ZtOrder.class, id);
            s.getTransaction().commit();
            return result;
        }
    }

    PlainOrder handFind(long id) {
        try (Session s = hand.openSession()) {
            s.beginTransaction();
            PlainOrder result = s.createSelectionQuery("from PlainOrder o where o.id = :id and o.tenantId = :tenant", PlainOrder.class)
                    .setParameter("id", id).setParameter("tenant", TENANT).getSingleResultOrNull();
            s.getTransaction().commit();
            return result;
        }
    }

    /** Hibernate's filter without zt: the mechanism {@code @TenantId} uses, enabled by hand. */
    List<FilteredOrder> filterList() {
        try (Session s = filtered.openSession()) {
            s.enableFilter("tenant").setParameter("tenant", TENANT);
            s.beginTransaction();
            List<FilteredOrder> result = s.createSelectionQuery("from FilteredOrder o where o.amount > :min order by o.id desc",
                    FilteredOrder.class).setParameter("min", MIN_AMOUNT).setMaxResults(20).getResultList();
            s.getTransaction().commit();
            return result;
        }
    }

    FilteredOrder filterFind(long id) {
        try (Session s = filtered.openSession()) {
            s.enableFilter("tenant").setParameter("tenant", TENANT);
            s.beginTransaction();
            FilteredOrder result = s.find(FilteredOrder.class, id);
            s.getTransaction().commit();
            return result;
        }
    }

    int jdbcList() throws SQLException {
        jdbcList.setString(1, TENANT);
        jdbcList.setInt(2, MIN_AMOUNT);
        return sumAmounts(jdbcList);
    }

    int jdbcFind(long id) throws SQLException {
        jdbcFind.setLong(1, id);
        jdbcFind.setString(2, TENANT);
        return sumAmounts(jdbcFind);
    }

    private int sumAmounts(PreparedStatement statement) throws SQLException {
        int sum = 0;
        try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                sum += rs.getInt(4);
            }
        }
        jdbc.commit();
        return sum;
    }

    @Override
    public void close() throws SQLException {
        jdbc.close();
        zt.close();
        hand.close();
        filtered.close();
    }
}
