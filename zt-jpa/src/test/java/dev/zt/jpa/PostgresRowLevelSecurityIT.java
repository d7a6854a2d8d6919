package dev.zt.jpa;

import static dev.zt.jpa.TestActors.admin;
import static dev.zt.jpa.TestActors.alice;
import static dev.zt.jpa.TestActors.bob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.zt.core.Actor;
import dev.zt.core.ActorContext;
import dev.zt.jpa.model.Note;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.function.Function;
import org.hibernate.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Defense in depth: with {@code zt.jpa.rls=true} and {@link RowLevelSecurityPolicy} applied, even a
 * native statement marked tenant-safe that "forgets" its tenant predicate, run as the application's
 * non-owner role, cannot read or write another tenant's rows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresRowLevelSecurityIT {

    private static final String CURRENT_SETTING = "select current_setting('zt.tenant', true)";

    private TestDatabase owner;
    private TestDatabase app;
    private EntityManagerFactory appEmf;

    @BeforeAll
    void createSchemaAndPolicy() throws Exception {
        owner = TestDatabase.postgresOwner();
        app = TestDatabase.postgresApp();
        Map<String, Object> ownerProps = owner.jpaProperties();
        ownerProps.put("hibernate.hbm2ddl.auto", "create");
        Persistence.createEntityManagerFactory("zt-rls", ownerProps).close();
        try (Connection c = owner.connect(); Statement s = c.createStatement()) {
            for (String ddl : RowLevelSecurityPolicy.ddl("rls_note", "tenant_id")) {
                s.execute(ddl);
            }
        }
        Map<String, Object> appProps = app.jpaProperties();
        appProps.put(ZtJpaSettings.ROW_LEVEL_SECURITY, "true");
        appProps.put("hibernate.connection.pool_size", "1");
        appEmf = Persistence.createEntityManagerFactory("zt-rls", appProps);
    }

    @AfterAll
    void close() {
        if (appEmf != null) {
            appEmf.close();
        }
    }

    @BeforeEach
    void seed() throws Exception {
        try (Connection c = owner.connect(); Statement s = c.createStatement()) {
            s.executeUpdate("delete from rls_note");
        }
        inTx(alice(), em -> {
            em.persist(new Note("acme secret"));
            return null;
        });
        inTx(bob(), em -> {
            em.persist(new Note("globex secret"));
            return null;
        });
    }

    @Test
    void markedNativeSelectWithoutPredicate_seesOnlyCallersRows() throws Exception {
        Number seen = inTx(alice(), em -> (Number) em.createNativeQuery(
                TenantSafeSql.mark("rls test: no tenant predicate on purpose", "select count(*) from rls_note"))
                .getSingleResult());
        assertThat(seen.longValue()).isEqualTo(1L);
        assertThat(ownerCount("select count(*) from rls_note")).as("positive control: both rows exist").isEqualTo(2L);
    }

    @Test
    void markedNativeUpdateWithoutPredicate_cannotTouchOtherTenantsRows() throws Exception {
        int updated = inTx(alice(), em -> em.createNativeQuery(
                TenantSafeSql.mark("rls test: no tenant predicate on purpose", "update rls_note set body = 'overwritten'"))
                .executeUpdate());
        int deleted = inTx(alice(), em -> em.createNativeQuery(
                TenantSafeSql.mark("rls test", "delete from rls_note where tenant_id = 'globex'")).executeUpdate());
        assertThat(updated).isEqualTo(1);
        assertThat(deleted).isZero();
        assertThat(ownerCount("select count(*) from rls_note where tenant_id = 'globex' and body = 'globex secret'"))
                .isEqualTo(1L);
        assertThat(ownerCount("select count(*) from rls_note where tenant_id = 'acme' and body = 'overwritten'"))
                .isEqualTo(1L);
    }

    @Test
    void markedNativeInsertForOtherTenant_isRejectedByTheDatabase() throws Exception {
        Throwable thrown = catchThrowable(() -> inTx(alice(), em -> em.createNativeQuery(TenantSafeSql.mark("rls test",
                "insert into rls_note (id, tenant_id, body) values (-1, 'globex', 'planted')")).executeUpdate()));
        assertThat(thrown).isNotNull();
        assertThat(String.valueOf(Violations.find(thrown, java.sql.SQLException.class))).contains("row-level security");
        assertThat(ownerCount("select count(*) from rls_note where body = 'planted'")).isZero();
    }

    @Test
    void appRoleWithoutTenantSetting_seesNoRows_failClosed() throws Exception {
        try (Connection c = app.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from rls_note")) {
            rs.next();
            assertThat(rs.getLong(1)).isZero();
        }
        assertThat(ownerCount("select count(*) from rls_note")).isEqualTo(2L);
    }

    @Test
    void tenantSetting_isTransactionLocal_andDoesNotLingerOnThePooledConnection() {
        String during = inTx(alice(), em -> em.unwrap(Session.class).doReturningWork(c -> firstString(c, CURRENT_SETTING)));
        assertThat(during).isEqualTo("acme");
        String after = ActorContext.getAs(admin(), () -> CrossTenantAccess.forFactory(appEmf).call("rls test: inspect pooled connection",
                em -> em.unwrap(Session.class).doReturningWork(c -> firstString(c, CURRENT_SETTING))));
        assertThat(after).as("the one pooled connection carries no tenant after the commit").isNullOrEmpty();
    }

    @Test
    void jpqlUnderRls_stillScopedAndWorks() {
        long alices = inTx(alice(), em -> em.createQuery("select count(n) from Note n", Long.class).getSingleResult());
        long bobs = inTx(bob(), em -> em.createQuery("select count(n) from Note n", Long.class).getSingleResult());
        assertThat(alices).isEqualTo(1L);
        assertThat(bobs).isEqualTo(1L);
    }

    private <T> T inTx(Actor actor, Function<EntityManager, T> work) {
        return ActorContext.getAs(actor, () -> {
            EntityManager em = appEmf.createEntityManager();
            try {
                em.getTransaction().begin();
                T result = work.apply(em);
                em.getTransaction().commit();
                return result;
            } finally {
                if (em.getTransaction().isActive()) {
                    em.getTransaction().rollback();
                }
                em.close();
            }
        });
    }

    private static String firstString(Connection c, String query) throws java.sql.SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private long ownerCount(String query) throws Exception {
        try (Connection c = owner.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
