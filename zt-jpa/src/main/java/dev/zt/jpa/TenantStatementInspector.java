package dev.zt.jpa;

import dev.zt.jpa.internal.TenantDecisions;
import java.util.Objects;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Sees every statement Hibernate sends and records each execution of a
 * {@linkplain TenantSafeSql#mark marked} native statement as an audit event ({@code ZT-4102}: the
 * actor and the stated reason, never the SQL). Configure with
 * {@code hibernate.session_factory.statement_inspector=dev.zt.jpa.TenantStatementInspector};
 * to add your own inspector, pass {@code new TenantStatementInspector(yours)} as an instance.
 */
public final class TenantStatementInspector implements StatementInspector {

    private static final long serialVersionUID = 1L;

    private final StatementInspector next;

    public TenantStatementInspector() {
        this(sql -> sql);
    }

    /** Audits, then hands the statement to {@code next}. */
    public TenantStatementInspector(StatementInspector next) {
        this.next = Objects.requireNonNull(next, "next");
    }

    @Override
    public String inspect(String sql) {
        TenantSafeSql.reasonOf(sql).ifPresent(TenantDecisions::tenantSafeSqlRun);
        return next.inspect(sql);
    }
}
