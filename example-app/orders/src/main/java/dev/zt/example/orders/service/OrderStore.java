package dev.zt.example.orders.service;

import jakarta.annotation.PreDestroy;
import dev.zt.cdi.PermitWithoutScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.Persistence;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The persistence unit {@code orders}: RESOURCE_LOCAL, bootstrapped by the application (so it runs
 * the same on embedded Jetty and on WildFly, where {@code jboss.as.jpa.managed=false} keeps the
 * server's JPA subsystem from managing it). Each unit of work opens its own {@code EntityManager}
 * while the caller's actor is bound, so zt-jpa ties it to the caller's tenant.
 *
 * <p>The JDBC connection comes from {@code persistence.xml} (H2 in memory) unless
 * {@code orders.db.url}, {@code orders.db.user}, {@code orders.db.password} (or {@code ORDERS_DB_URL}
 * ...) say otherwise.
 */
@ApplicationScoped
@PermitWithoutScope(reason = "persistence plumbing: reached only from OrderService methods, each of which requires its scope")
public class OrderStore {

    /** How long a unit of work waits for a connection before the request is answered 503. */
    static final Duration CONNECTION_WAIT = Duration.ofSeconds(10);

    private EntityManagerFactory factory;
    private Semaphore connections;

    /** Builds the factory at deployment, so a misconfiguration (ZT-4010 and others) stops the start. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object deployed) {
        factory();
    }

    synchronized EntityManagerFactory factory() {
        if (factory == null) {
            Map<String, Object> overrides = new HashMap<>();
            override(overrides, "jakarta.persistence.jdbc.url", "orders.db.url");
            override(overrides, "jakarta.persistence.jdbc.user", "orders.db.user");
            override(overrides, "jakarta.persistence.jdbc.password", "orders.db.password");
            factory = Persistence.createEntityManagerFactory("orders", overrides);
            // Hibernate's built-in pool fails at once when it is exhausted; queue (bounded) instead
            Object size = factory.getProperties().getOrDefault("hibernate.connection.pool_size", "20");
            connections = new Semaphore(Integer.parseInt(size.toString().strip()), true);
        }
        return factory;
    }

    <T> T inTransaction(Function<EntityManager, T> work) {
        EntityManagerFactory emf = factory();
        try {
            if (!connections.tryAcquire(CONNECTION_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new ServiceBusyException("ZT-EX-1002 no database connection within " + CONNECTION_WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceBusyException("ZT-EX-1002 interrupted while waiting for a database connection");
        }
        EntityManager em = null;
        try {
            em = emf.createEntityManager();
            EntityTransaction tx = em.getTransaction();
            tx.begin();
            try {
                T result = work.apply(em);
                tx.commit();
                return result;
            } finally {
                if (tx.isActive()) {
                    tx.rollback();
                }
            }
        } finally {
            if (em != null) {
                em.close();
            }
            connections.release();
        }
    }

    @PreDestroy
    synchronized void close() {
        if (factory != null) {
            factory.close();
        }
    }

    private static void override(Map<String, Object> overrides, String property, String setting) {
        String value = Settings.get(setting, null);
        if (value != null) {
            overrides.put(property, value);
        }
    }
}
