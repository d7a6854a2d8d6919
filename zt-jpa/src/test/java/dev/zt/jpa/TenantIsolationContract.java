package dev.zt.jpa;

import static dev.zt.jpa.TestActors.admin;
import static dev.zt.jpa.TestActors.alice;
import static dev.zt.jpa.TestActors.bob;
import static dev.zt.jpa.TestActors.noTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.zt.core.Actor;
import dev.zt.core.ActorContext;
import dev.zt.core.Audit;
import dev.zt.core.AuditEvent;
import dev.zt.core.AuditEvent.Layer;
import dev.zt.core.AuditEvent.Outcome;
import dev.zt.core.AuditTrail;
import dev.zt.core.InsufficientScopeException;
import dev.zt.core.NoActorException;
import dev.zt.jpa.model.Country;
import dev.zt.jpa.model.Customer;
import dev.zt.jpa.model.OrderLine;
import dev.zt.jpa.model.PurchaseOrder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityNotFoundException;
import jakarta.persistence.Persistence;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The isolation suite, after Hibernate's {@code TenantIdTest}: acme (alice) and globex (bob) each
 * write their rows; then every read and write path is tried across the boundary, with a positive
 * control that the owner still sees its rows, and the tenant predicate is asserted in the SQL.
 * Every test also asserts the audit events its decisions recorded (a {@link RecordedEvents} trail
 * installed after seeding): exactly one per refusal or privileged grant, none for a filtered read
 * or an allowed operation. Subclasses pick the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TenantIsolationContract {

    private final SqlLog sql = new SqlLog();
    private RecordedEvents audit;
    private TestDatabase database;
    private EntityManagerFactory emf;

    private Long acmeCustomer;
    private Long acmeOrder;
    private Long globexCustomer;
    private Long globexOrder;
    private Long globexLine;

    abstract TestDatabase database();

    @BeforeAll
    void startFactory() {
        database = database();
        Map<String, Object> props = database.jpaProperties();
        props.put("hibernate.session_factory.statement_inspector", new TenantStatementInspector(sql));
        emf = Persistence.createEntityManagerFactory("zt-isolation", props);
    }

    @AfterAll
    void closeFactory() {
        if (emf != null) {
            emf.close();
        }
    }

    @BeforeEach
    void seed() throws Exception {
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            s.executeUpdate("delete from order_line");
            s.executeUpdate("delete from purchase_order");
            s.executeUpdate("delete from customer");
            s.executeUpdate("delete from country");
        }
        emf.getCache().evictAll();
        acmeCustomer = inTx(alice(), em -> {
            Customer c = new Customer("Acme Corp");
            em.persist(c);
            PurchaseOrder o = new PurchaseOrder(c, 100);
            em.persist(o);
            em.persist(new OrderLine(o, "anvil"));
            em.persist(new OrderLine(o, "rocket"));
            em.persist(new Country("FR", "France"));
            acmeOrder = o.getId();
            return c.getId();
        });
        globexCustomer = inTx(bob(), em -> {
            Customer c = new Customer("Globex");
            em.persist(c);
            PurchaseOrder o = new PurchaseOrder(c, 200);
            em.persist(o);
            OrderLine line = new OrderLine(o, "doomsday device");
            em.persist(line);
            globexOrder = o.getId();
            globexLine = line.getId();
            return c.getId();
        });
        sql.clear();
        audit = RecordedEvents.install();
    }

    @AfterEach
    void uninstallAudit() {
        if (audit != null) {
            audit.close();
        }
    }

    // ---- reads ---------------------------------------------------------------------------------

    @Test
    void find_otherTenantsRow_looksExactlyLikeMissingRow() {
        inTx(bob(), em -> {
            assertThat(em.find(Customer.class, acmeCustomer)).isNull();
            assertThat(em.find(PurchaseOrder.class, acmeOrder)).isNull();
            assertThat(em.find(Customer.class, -1L)).isNull();
            assertThat(em.find(Customer.class, globexCustomer).getName()).isEqualTo("Globex");
            return null;
        });
        assertThat(customerName(alice(), acmeCustomer)).isEqualTo("Acme Corp");
        assertThat(sql.statements()).filteredOn(s -> s.contains("from customer"))
                .allMatch(s -> s.matches("(?s).*where.*tenant_id\\s*=\\s*\\?.*"));
        assertThat(audit.events()).as("a row the filter leaves out is not a decision: no event").isEmpty();
    }

    @Test
    void getReference_otherTenantsRow_throwsLikeMissingRow() {
        Throwable other = inTxCatching(bob(), em -> em.getReference(Customer.class, acmeCustomer).getName());
        Throwable missing = inTxCatching(bob(), em -> em.getReference(Customer.class, -1L).getName());
        assertThat(other).isInstanceOf(EntityNotFoundException.class);
        assertThat(missing).isInstanceOf(EntityNotFoundException.class);
        assertThat((String) inTx(alice(), em -> em.getReference(Customer.class, acmeCustomer).getName())).isEqualTo("Acme Corp");
    }

    @Test
    void jpql_returnsOnlyCallersRows_withTenantPredicateInSql() {
        List<String> names = inTx(bob(), em -> em.createQuery("select c.name from Customer c", String.class).getResultList());
        assertThat(names).containsExactly("Globex");
        assertThat(sql.statements()).anyMatch(s -> s.matches("(?s)select .* from customer \\w+ where \\w+\\.tenant_id\\s*=\\s*\\?.*"));
        assertThat((List<String>) inTx(alice(), em -> em.createQuery("select c.name from Customer c", String.class).getResultList()))
                .containsExactly("Acme Corp");
        assertThat(audit.events()).isEmpty();
    }

    @Test
    void criteria_returnsOnlyCallersRows() {
        List<Integer> amounts = inTx(bob(), em -> {
            CriteriaBuilder cb = em.getCriteriaBuilder();
            CriteriaQuery<Integer> q = cb.createQuery(Integer.class);
            var order = q.from(PurchaseOrder.class);
            q.select(order.get("amount")).where(cb.greaterThan(order.get("amount"), 0));
            return em.createQuery(q).getResultList();
        });
        assertThat(amounts).containsExactly(200);
        assertThat(sql.statements()).anyMatch(s -> s.matches("(?s).*from purchase_order \\w+ where .*tenant\\s*=\\s*\\?.*"));
    }

    @Test
    void countAndPagination_countOnlyCallersRows() {
        long lines = inTx(bob(), em -> em.createQuery("select count(l) from OrderLine l", Long.class).getSingleResult());
        List<String> page = inTx(bob(), em -> em.createQuery("select l.product from OrderLine l order by l.id", String.class)
                .setFirstResult(0).setMaxResults(10).getResultList());
        assertThat(lines).isEqualTo(1L);
        assertThat(page).containsExactly("doomsday device");
        assertThat((Long) inTx(alice(), em -> em.createQuery("select count(l) from OrderLine l", Long.class).getSingleResult()))
                .isEqualTo(2L);
    }

    @Test
    void lazyToOne_pointingAtOtherTenantsRow_doesNotResolve() throws Exception {
        jdbc("update purchase_order set customer_id = ? where id = ?", globexCustomer, acmeOrder);
        Throwable thrown = inTxCatching(alice(), em -> em.find(PurchaseOrder.class, acmeOrder).getCustomer().getName());
        assertThat(thrown).isInstanceOf(EntityNotFoundException.class);
        assertThat((String) inTx(bob(), em -> em.find(PurchaseOrder.class, globexOrder).getCustomer().getName())).isEqualTo("Globex");
    }

    @Test
    void eagerToOne_pointingAtOtherTenantsRow_isRefused() throws Exception {
        jdbc("update order_line set order_id = ? where id = ?", acmeOrder, globexLine);
        Throwable thrown = inTxCatching(bob(), em -> {
            OrderLine line = em.find(OrderLine.class, globexLine);
            return line.getOrder() == null ? "no order" : "amount " + line.getOrder().getAmount();
        });
        List<Integer> joined = inTx(bob(), em -> em.createQuery("select l from OrderLine l join fetch l.order", OrderLine.class)
                .getResultList().stream().map(l -> l.getOrder().getAmount()).toList());
        // Hibernate refuses the filtered eager association itself; zt's load guard is the backstop
        assertThat(Violations.isRefusedCrossTenantLoad(thrown)).as(String.valueOf(thrown)).isTrue();
        assertThat(joined).as("the filtered join drops the line, like a dangling reference").isEmpty();
        assertThat((Integer) inTx(alice(), em -> em.find(PurchaseOrder.class, acmeOrder).getAmount())).isEqualTo(100);
        assertThat(audit.denials()).as("Hibernate's own refusal is not zt's; zt's backstop records ZT-4011 once")
                .hasSizeLessThanOrEqualTo(1)
                .allSatisfy(e -> assertEvent(e, Outcome.DENIED, "ZT-4011", bob(), "load", "PurchaseOrder#" + acmeOrder));
    }

    @Test
    void collection_containingOtherTenantsRow_showsOnlyCallersElements() throws Exception {
        jdbc("update order_line set order_id = ? where id = ?", acmeOrder, globexLine);
        List<String> products = inTx(alice(), em -> em.find(PurchaseOrder.class, acmeOrder).getLines().stream()
                .map(OrderLine::getProduct).sorted().toList());
        assertThat(products).containsExactly("anvil", "rocket");
        List<String> joined = inTx(alice(), em -> em.createQuery(
                "select l.product from PurchaseOrder o join o.lines l where o.id = :id order by l.product", String.class)
                .setParameter("id", acmeOrder).getResultList());
        assertThat(joined).containsExactly("anvil", "rocket");
    }

    @Test
    void secondLevelCache_hitForOneTenant_isNotServedToAnother() {
        assertThat(customerName(alice(), acmeCustomer)).isEqualTo("Acme Corp");
        sql.clear();
        assertThat(customerName(alice(), acmeCustomer)).isEqualTo("Acme Corp");
        assertThat(sql.statements()).as("positive control: alice's second find is a cache hit").isEmpty();
        assertThat((Customer) inTx(bob(), em -> em.find(Customer.class, acmeCustomer))).isNull();
    }

    @Test
    void statelessSession_readsOnlyCallersRows_andStampsInserts() {
        SessionFactory sf = emf.unwrap(SessionFactory.class);
        ActorContext.runAs(bob(), () -> {
            try (StatelessSession ss = sf.openStatelessSession()) {
                assertThat(ss.get(Customer.class, acmeCustomer)).isNull();
                assertThat(ss.createSelectionQuery("select c.name from Customer c", String.class).getResultList())
                        .containsExactly("Globex");
                ss.getTransaction().begin();
                Customer inserted = new Customer("Globex Two");
                ss.insert(inserted);
                ss.getTransaction().commit();
                assertThat(inserted.tenant()).isEqualTo("globex");
            }
        });
        ActorContext.runAs(alice(), () -> {
            try (StatelessSession ss = sf.openStatelessSession()) {
                assertThat(ss.get(Customer.class, acmeCustomer).getName()).isEqualTo("Acme Corp");
            }
        });
    }

    @Test
    void statelessSession_updateOrDeleteOfOtherTenantsRow_isRejected() throws Exception {
        Customer acme = inTx(alice(), em -> em.find(Customer.class, acmeCustomer));
        acme.setName("hijacked");
        forgeTenant(acme, "globex");
        SessionFactory sf = emf.unwrap(SessionFactory.class);
        Throwable update = ActorContext.getAs(bob(), () -> statelessCatching(sf, ss -> ss.update(acme)));
        Throwable delete = ActorContext.getAs(bob(), () -> statelessCatching(sf, ss -> ss.delete(acme)));
        assertThat(Violations.codeOf(update)).isEqualTo("ZT-4004");
        assertThat(Violations.codeOf(delete)).isEqualTo("ZT-4004");
        assertThat(customerName(alice(), acmeCustomer)).isEqualTo("Acme Corp");
        Throwable own = ActorContext.getAs(bob(), () -> statelessCatching(sf, ss -> {
            Customer mine = (Customer) ss.get(Customer.class, globexCustomer);
            mine.setName("Globex Inc");
            ss.update(mine);
        }));
        assertThat(own).as("positive control: bob updates his own row").isNull();
        assertThat(columnInDatabase("customer", "name", globexCustomer)).isEqualTo("Globex Inc");
        assertThat(columnInDatabase("customer", "name", acmeCustomer)).isEqualTo("Acme Corp");
        assertThat(audit.events()).as("one event per refusal, none for bob's own update").satisfiesExactly(
                e -> assertEvent(e, Outcome.DENIED, "ZT-4004", bob(), "update", "Customer#" + acmeCustomer),
                e -> assertEvent(e, Outcome.DENIED, "ZT-4004", bob(), "delete", "Customer#" + acmeCustomer));
    }

    @Test
    void statelessSession_insertWithForgedTenant_isRejected() throws Exception {
        SessionFactory sf = emf.unwrap(SessionFactory.class);
        Throwable forged = ActorContext.getAs(bob(), () -> statelessCatching(sf, ss -> {
            Customer c = new Customer("Stateless Trojan");
            forgeTenant(c, "acme");
            ss.insert(c);
        }));
        Throwable own = ActorContext.getAs(bob(), () -> statelessCatching(sf, ss -> ss.insert(new Customer("Stateless Own"))));
        assertThat(forged).isNotNull();
        assertThat(own).as("positive control").isNull();
        assertThat(countInDatabase("select count(*) from customer where name = 'Stateless Trojan'")).isZero();
        assertThat(countInDatabase("select count(*) from customer where name = 'Stateless Own'")).isEqualTo(1L);
        assertThat(audit.events()).singleElement().satisfies(e -> {
            assertEvent(e, Outcome.DENIED, "ZT-4002", bob(), "insert", e.target().orElse(null));
            assertThat(e.target()).hasValueSatisfying(t -> assertThat(t).startsWith("Customer"));
        });
    }

    // ---- writes --------------------------------------------------------------------------------

    @Test
    void persist_stampsCallersTenant() throws Exception {
        Long id = inTx(bob(), em -> {
            Customer c = new Customer("Globex West");
            em.persist(c);
            return c.getId();
        });
        assertThat(columnInDatabase("customer", "tenant_id", id)).isEqualTo("globex");
        assertThat(audit.events()).isEmpty();
    }

    @Test
    void persist_withForgedTenant_isRejected() throws Exception {
        Throwable thrown = inTxCatching(bob(), em -> {
            Customer c = new Customer("Trojan");
            forgeTenant(c, "acme");
            em.persist(c);
            return null;
        });
        assertThat(Violations.codeOf(thrown)).isEqualTo("ZT-4002");
        assertThat(countInDatabase("select count(*) from customer where name = 'Trojan'")).as("no row written").isZero();
        assertThat(audit.events()).singleElement()
                .satisfies(e -> assertEvent(e, Outcome.DENIED, "ZT-4002", bob(), "persist", "Customer"));
    }

    @Test
    void persist_withCallersOwnTenantSetExplicitly_isWrittenWithoutDenial() throws Exception {
        Long id = inTx(alice(), em -> {
            Customer c = new Customer("Acme West");
            forgeTenant(c, "acme");
            em.persist(c);
            return c.getId();
        });
        assertThat(columnInDatabase("customer", "tenant_id", id)).isEqualTo("acme");
        assertThat(audit.events()).as("positive control: the rightful tenant's persist is no decision").isEmpty();
    }

    @Test
    void denial_whenTheAuditTrailFails_isStillADenial() throws Exception {
        audit.close();
        AuditTrail failing = AuditTrail.builder()
                .sink(event -> { throw new IllegalStateException("audit store down"); })
                .metrics(event -> { throw new IllegalStateException("metrics down"); })
                .build();
        try (Audit.Installation ignored = Audit.install(failing)) {
            Throwable forged = inTxCatching(bob(), em -> {
                Customer c = new Customer("Trojan");
                forgeTenant(c, "acme");
                em.persist(c);
                return null;
            });
            Throwable own = inTxCatching(bob(), em -> {
                em.persist(new Customer("Globex East"));
                return null;
            });
            assertThat(Violations.codeOf(forged)).isEqualTo("ZT-4002");
            assertThat(own).as("positive control: allowed work does not depend on the audit either").isNull();
        } finally {
            failing.close();
        }
        assertThat(failing.sinkFailures()).as("the audit did fail").isPositive();
        assertThat(countInDatabase("select count(*) from customer where name = 'Trojan'")).isZero();
        assertThat(countInDatabase("select count(*) from customer where name = 'Globex East'")).isEqualTo(1L);
    }

    @Test
    void merge_ofOtherTenantsEntity_isRejected() {
        Customer acme = inTx(alice(), em -> em.find(Customer.class, acmeCustomer));
        acme.setName("hijacked");
        Throwable thrown = inTxCatching(bob(), em -> em.merge(acme));
        assertThat(Violations.codeOf(thrown)).isEqualTo("ZT-4003");
        assertThat(customerName(alice(), acmeCustomer)).isEqualTo("Acme Corp");
        assertThat(audit.events()).singleElement()
                .satisfies(e -> assertEvent(e, Outcome.DENIED, "ZT-4003", bob(), "merge", "Customer#" + acmeCustomer));
    }

    @Test
    void merge_ofOwnEntity_isWrittenWithoutDenial() {
        Customer acme = inTx(alice(), em -> em.find(Customer.class, acmeCustomer));
        acme.setName("Acme Renamed");
        inTx(alice(), em -> em.merge(acme));
        assertThat(customerName(alice(), acmeCustomer)).isEqualTo("Acme Renamed");
        assertThat(audit.events()).as("positive control").isEmpty();
    }

    @Test
    void merge_ofOtherTenantsIdWithForgedTenant_neverTouchesTheirRow() throws Exception {
        Customer acme = inTx(alice(), em -> em.find(Customer.class, acmeCustomer));
        acme.setName("hijacked");
        forgeTenant(acme, "globex");
        inTxCatching(bob(), em -> em.merge(acme));
        assertThat(customerName(alice(), acmeCustomer)).isEqualTo("Acme Corp");
        assertThat(countInDatabase("select count(*) from customer where tenant_id = 'acme'")).isEqualTo(1L);
    }

    @Test
    void remove_ofOtherTenantsRow_isRejected() throws Exception {
        Customer acme = inTx(alice(), em -> em.find(Customer.class, acmeCustomer));
        Throwable detached = inTxCatching(bob(), em -> {
            em.remove(acme);
            return null;
        });
        Throwable reference = inTxCatching(bob(), em -> {
            em.remove(em.getReference(Customer.class, acmeCustomer));
            return null;
        });
        assertThat(Violations.codeOf(detached)).isEqualTo("ZT-4004");
        assertThat(reference).as("the filtered reference does not resolve, like a missing row")
                .isInstanceOf(EntityNotFoundException.class);
        assertThat(countInDatabase("select count(*) from customer where tenant_id = 'acme'")).isEqualTo(1L);
        assertThat(audit.events()).as("the instance names another tenant: a decision; the invisible row: none")
                .singleElement()
                .satisfies(e -> assertEvent(e, Outcome.DENIED, "ZT-4004", bob(), "delete", "Customer#" + acmeCustomer));
    }

    @Test
    void remove_ofOwnRow_isDeletedWithoutDenial() throws Exception {
        Long id = inTx(alice(), em -> {
            Customer c = new Customer("Acme Temp");
            em.persist(c);
            return c.getId();
        });
        inTx(alice(), em -> {
            em.remove(em.find(Customer.class, id));
            return null;
        });
        assertThat(countInDatabase("select count(*) from customer where name = 'Acme Temp'")).isZero();
        assertThat(audit.events()).as("positive control").isEmpty();
    }

    @Test
    void update_changingTheTenantColumn_isRejected() throws Exception {
        Throwable thrown = inTxCatching(alice(), em -> {
            forgeTenant(em.find(Customer.class, acmeCustomer), "globex");
            return null;
        });
        assertThat(Violations.codeOf(thrown)).isEqualTo("ZT-4005");
        assertThat(columnInDatabase("customer", "tenant_id", acmeCustomer)).isEqualTo("acme");
        assertThat(audit.events()).singleElement()
                .satisfies(e -> assertEvent(e, Outcome.DENIED, "ZT-4005", alice(), "update", "Customer#" + acmeCustomer));
    }

    @Test
    void update_ofOwnRow_isAllowed() {
        inTx(alice(), em -> {
            em.find(Customer.class, acmeCustomer).setName("Acme Inc");
            return null;
        });
        assertThat(customerName(alice(), acmeCustomer)).isEqualTo("Acme Inc");
        assertThat(audit.events()).as("positive control").isEmpty();
    }

    @Test
    void bulkUpdateAndDelete_touchOnlyCallersRows() throws Exception {
        int updated = inTx(bob(), em -> em.createQuery("update Customer c set c.name = 'renamed'").executeUpdate());
        int deleted = inTx(bob(), em -> em.createQuery("delete from OrderLine").executeUpdate());
        assertThat(updated).isEqualTo(1);
        assertThat(deleted).isEqualTo(1);
        assertThat(sql.statements()).anyMatch(s -> s.matches("(?s)update customer .*tenant_id\\s*=\\s*\\?.*"));
        assertThat(customerName(alice(), acmeCustomer)).isEqualTo("Acme Corp");
        assertThat(countInDatabase("select count(*) from order_line where tenant_id = 'acme'")).isEqualTo(2L);
    }

    // ---- native SQL ----------------------------------------------------------------------------

    @Test
    void nativeQuery_unmarkedOnTenantTable_isRejected() {
        Throwable select = inTxCatching(alice(), em -> em.createNativeQuery("select name from customer").getResultList());
        Throwable update = inTxCatching(alice(), em -> em.createNativeQuery("UPDATE Customer SET name = 'x'").executeUpdate());
        Throwable quoted = inTxCatching(alice(), em -> em.createNativeQuery("select * from public.\"order_line\"").getResultList());
        assertThat(Violations.codeOf(select)).isEqualTo("ZT-4007");
        assertThat(Violations.codeOf(update)).isEqualTo("ZT-4007");
        assertThat(Violations.codeOf(quoted)).isEqualTo("ZT-4007");
        assertThat(customerName(alice(), acmeCustomer)).isEqualTo("Acme Corp");
        assertThat(audit.events()).satisfiesExactly(
                e -> assertEvent(e, Outcome.DENIED, "ZT-4007", alice(), "native-query", "table customer"),
                e -> assertEvent(e, Outcome.DENIED, "ZT-4007", alice(), "native-query", "table customer"),
                e -> assertEvent(e, Outcome.DENIED, "ZT-4007", alice(), "native-query", "table order_line"));
        assertThat(audit.events()).extracting(AuditEvent::toJson)
                .noneMatch(json -> json.contains("select") || json.contains("SET name") || json.contains("'x'"));
    }

    @Test
    void nativeQuery_onSharedTable_needsNoMarker() {
        List<Object> names = inTx(alice(), em -> List.copyOf(em.createNativeQuery("select name from country").getResultList()));
        assertThat(names).containsExactly((Object) "France");
        assertThat(audit.events()).isEmpty();
    }

    @Test
    void nativeQuery_markedTenantSafe_runsAndIsAuditedOnEachExecution() {
        String query = TenantSafeSql.mark("invoice totals for the caller's tenant",
                "select count(*) from customer where tenant_id = :tenant");
        Number count = inTx(alice(), em -> (Number) em.createNativeQuery(query)
                .setParameter("tenant", "acme").getSingleResult());
        inTx(alice(), em -> em.createNativeQuery(query).setParameter("tenant", "acme").getSingleResult());
        assertThat(count.longValue()).isEqualTo(1L);
        assertThat(audit.events()).hasSize(2).allSatisfy(e -> {
            assertEvent(e, Outcome.GRANTED, "ZT-4102", alice(), "native-query", null);
            assertThat(e.detail()).contains("invoice totals for the caller's tenant");
        });
    }

    @Test
    void nativeQuery_markedTenantSafe_eventCarriesTheReasonNeverTheSql() {
        String query = TenantSafeSql.mark("customers by name",
                "select count(*) from customer where name = 'secret-literal-123'");
        Number count = inTx(alice(), em -> (Number) em.createNativeQuery(query).getSingleResult());
        assertThat(count.longValue()).isZero();
        assertThat(sql.statements()).as("positive control: the literal was in the statement that ran")
                .anyMatch(s -> s.contains("secret-literal-123"));
        AuditEvent run = audit.events().get(0);
        assertThat(audit.events()).hasSize(1);
        assertEvent(run, Outcome.GRANTED, "ZT-4102", alice(), "native-query", null);
        assertThat(run.detail()).contains("customers by name");
        assertThat(run.toJson()).doesNotContain("secret-literal-123").doesNotContain("select").doesNotContain("from customer");
    }

    @Test
    void nativeQuery_markedButWithoutTenantPredicate_isStoppedByTheLoadGuard() {
        String forgot = TenantSafeSql.mark("all customers, predicate forgotten", "select * from customer");
        String kept = TenantSafeSql.mark("own customers", "select * from customer where tenant_id = :tenant");
        Throwable thrown = inTxCatching(bob(), em -> em.createNativeQuery(forgot, Customer.class).getResultList());
        List<String> own = inTx(bob(), em -> ((List<?>) em.createNativeQuery(kept, Customer.class)
                .setParameter("tenant", "globex").getResultList()).stream().map(c -> ((Customer) c).getName()).toList());
        assertThat(Violations.codeOf(thrown)).isEqualTo("ZT-4011");
        assertThat(own).as("positive control: with the predicate, no denial").containsExactly("Globex");
        assertThat(audit.denials()).singleElement()
                .satisfies(e -> assertEvent(e, Outcome.DENIED, "ZT-4011", bob(), "load", "Customer#" + acmeCustomer));
        assertThat(audit.events()).filteredOn(e -> e.outcome() == Outcome.GRANTED)
                .extracting(AuditEvent::reason).containsExactly("ZT-4102", "ZT-4102");
    }

    // ---- no actor, no tenant, stale sessions -----------------------------------------------------

    @Test
    void noActor_throws_neverAllRows() {
        Throwable thrown = catchThrowable(() -> emf.createEntityManager().find(Customer.class, acmeCustomer));
        assertThat(Violations.find(thrown, NoActorException.class)).isNotNull();
        assertThat(audit.events()).singleElement()
                .satisfies(e -> assertEvent(e, Outcome.DENIED, "ZT-1001", null, "open-session", null));
    }

    @Test
    void actorWithoutTenant_throws_neverAllRows() {
        Throwable thrown = catchThrowable(() -> ActorContext.runAs(noTenant(),
                () -> emf.createEntityManager().find(Customer.class, acmeCustomer)));
        assertThat(Violations.find(thrown, MissingTenantException.class)).isNotNull();
        assertThat(audit.events()).singleElement()
                .satisfies(e -> assertEvent(e, Outcome.DENIED, "ZT-4001", noTenant(), "open-session", null));
    }

    @Test
    void session_usedByActorOfAnotherTenant_isRejected() {
        EntityManager aliceEm = ActorContext.getAs(alice(), emf::createEntityManager);
        try {
            Throwable find = catchThrowable(() -> ActorContext.runAs(bob(), () -> aliceEm.find(Customer.class, acmeCustomer)));
            Throwable query = catchThrowable(() -> ActorContext.runAs(bob(), () -> {
                aliceEm.getTransaction().begin();
                aliceEm.createQuery("select c from Customer c").getResultList();
            }));
            Throwable noActor = catchThrowable(() -> aliceEm.find(Customer.class, acmeCustomer));
            assertThat(Violations.codeOf(find)).isEqualTo("ZT-4006");
            assertThat(Violations.codeOf(query)).isEqualTo("ZT-4006");
            assertThat(Violations.find(noActor, NoActorException.class)).isNotNull();
        } finally {
            if (aliceEm.getTransaction().isActive()) {
                aliceEm.getTransaction().rollback();
            }
            aliceEm.close();
        }
        assertThat(audit.events()).satisfiesExactly(
                e -> assertEvent(e, Outcome.DENIED, "ZT-4006", bob(), "find", "Customer#" + acmeCustomer),
                e -> assertEvent(e, Outcome.DENIED, "ZT-4006", bob(), "query", null),
                e -> assertEvent(e, Outcome.DENIED, "ZT-1001", null, "find", null));
    }

    // ---- cross-tenant --------------------------------------------------------------------------

    @Test
    void crossTenant_withoutScope_isRefusedAndAudited() {
        Throwable thrown = catchThrowable(() -> ActorContext.runAs(alice(), () -> CrossTenantAccess.forFactory(emf)
                .call("curiosity", em -> em.createQuery("select c from Customer c").getResultList())));
        assertThat(thrown).isInstanceOf(InsufficientScopeException.class);
        assertThat(((InsufficientScopeException) thrown).requiredScopes()).containsExactly("zt:cross-tenant");
        AuditEvent refused = audit.events().get(0);
        assertThat(audit.events()).hasSize(1);
        assertEvent(refused, Outcome.DENIED, "ZT-4103", alice(), "CrossTenantAccess", null);
        assertThat(refused.detail()).contains("lacks scope zt:cross-tenant; reason: curiosity");
    }

    @Test
    void crossTenant_withoutActor_isRefusedAndAudited() {
        Throwable thrown = catchThrowable(() -> CrossTenantAccess.forFactory(emf).call("nightly job", em -> null));
        assertThat(thrown).isInstanceOf(NoActorException.class);
        assertThat(audit.events()).singleElement()
                .satisfies(e -> assertEvent(e, Outcome.DENIED, "ZT-1001", null, "CrossTenantAccess", null));
    }

    @Test
    void crossTenant_withScope_seesAllTenants_isAudited_andLeavesNothingBehind() {
        List<String> all = ActorContext.getAs(admin(), () -> CrossTenantAccess.forFactory(emf).call("monthly billing report",
                em -> em.createQuery("select c.name from Customer c order by c.name", String.class).getResultList()));
        assertThat(all).containsExactly("Acme Corp", "Globex");
        assertThat((List<String>) inTx(admin(), em -> em.createQuery("select c.name from Customer c", String.class).getResultList()))
                .as("after the call the admin is back to its own tenant").containsExactly("Acme Corp");
        assertThat(ActorContext.current()).isEmpty();
        AuditEvent granted = audit.events().get(0);
        assertThat(audit.events()).hasSize(1);
        assertEvent(granted, Outcome.GRANTED, "ZT-4101", admin(), "CrossTenantAccess", null);
        assertThat(granted.detail()).contains("scope zt:cross-tenant; reason: monthly billing report");
    }

    @Test
    void crossTenant_insertWithoutRealTenant_isRefusedAndAudited() throws Exception {
        Throwable thrown = catchThrowable(() -> ActorContext.runAs(admin(), () -> CrossTenantAccess.forFactory(emf)
                .call("data fix", em -> {
                    em.getTransaction().begin();
                    em.persist(new Customer("Nobody's"));
                    em.getTransaction().commit();
                    return null;
                })));
        assertThat(Violations.codeOf(thrown)).isEqualTo("ZT-4002");
        assertThat(countInDatabase("select count(*) from customer where name = 'Nobody''s'")).isZero();
        assertThat(audit.events()).satisfiesExactly(
                e -> assertEvent(e, Outcome.GRANTED, "ZT-4101", admin(), "CrossTenantAccess", null),
                e -> {
                    assertEvent(e, Outcome.DENIED, "ZT-4002", admin(), "insert", e.target().orElse(null));
                    assertThat(e.target()).hasValueSatisfying(t -> assertThat(t).matches("Customer#\\d+"));
                });
    }

    @Test
    void crossTenant_withoutReason_isRefused() {
        Throwable thrown = catchThrowable(() -> ActorContext.runAs(admin(),
                () -> CrossTenantAccess.forFactory(emf).call(" ", em -> null)));
        assertThat(thrown).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("ZT-4008");
        assertThat(audit.events()).as("a missing argument is a programming error, not an access decision").isEmpty();
    }

    // ---- helpers -------------------------------------------------------------------------------

    /** One zt-jpa event with these fields; {@code actor} and {@code target} null when there is none. */
    private static void assertEvent(AuditEvent e, Outcome outcome, String reason, Actor actor, String action, String target) {
        assertThat(e.layer()).as("layer").isEqualTo(Layer.JPA);
        assertThat(e.outcome()).as("outcome").isEqualTo(outcome);
        assertThat(e.reason()).as("reason").isEqualTo(reason);
        assertThat(e.actorSubject()).as("actor").isEqualTo(Optional.ofNullable(actor).map(Actor::subject));
        assertThat(e.actorKind()).as("actor kind").isEqualTo(Optional.ofNullable(actor).map(Actor::kind));
        assertThat(e.actorTenant()).as("actor tenant").isEqualTo(actor == null ? Optional.empty() : actor.tenant());
        assertThat(e.action()).as("action").contains(action);
        assertThat(e.target()).as("target").isEqualTo(Optional.ofNullable(target));
    }

    private <T> T inTx(Actor actor, Function<EntityManager, T> work) {
        return ActorContext.getAs(actor, () -> {
            EntityManager em = emf.createEntityManager();
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

    private String customerName(Actor actor, Long id) {
        return inTx(actor, em -> em.find(Customer.class, id).getName());
    }

    private Throwable inTxCatching(Actor actor, Function<EntityManager, ?> work) {
        return catchThrowable(() -> inTx(actor, work));
    }

    private static Throwable statelessCatching(SessionFactory sf, java.util.function.Consumer<StatelessSession> work) {
        return catchThrowable(() -> {
            try (StatelessSession ss = sf.openStatelessSession()) {
                ss.getTransaction().begin();
                try {
                    work.accept(ss);
                    ss.getTransaction().commit();
                } finally {
                    if (ss.getTransaction().isActive()) {
                        ss.getTransaction().rollback();
                    }
                }
            }
        });
    }

    static void forgeTenant(Object entity, String tenant) {
        try {
            Class<?> type = entity instanceof PurchaseOrder ? PurchaseOrder.class : TenantScopedEntity.class;
            Field field = type.getDeclaredField("tenant");
            field.setAccessible(true);
            field.set(entity, tenant);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private void jdbc(String update, Object... args) throws Exception {
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement(update)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        emf.getCache().evictAll();
    }

    private String columnInDatabase(String table, String column, Long id) throws Exception {
        try (Connection c = database.connect();
                PreparedStatement ps = c.prepareStatement("select " + column + " from " + table + " where id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        }
    }

    private long countInDatabase(String query) throws Exception {
        try (Connection c = database.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
