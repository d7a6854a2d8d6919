package dev.zt.jpa.internal;

import dev.zt.jpa.TenantSafeSql;
import java.util.Optional;
import org.hibernate.engine.query.spi.NativeQueryInterpreter;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.query.sql.spi.NativeSelectQueryDefinition;
import org.hibernate.query.sql.spi.NativeSelectQueryPlan;
import org.hibernate.query.sql.spi.ParameterRecognizer;

/**
 * Hibernate's native-query interpreter with one check in front: every native statement is read
 * here when it is created ({@code createNativeQuery}), and one that names a tenant-scoped table
 * without the {@link TenantSafeSql} marker is rejected ({@code ZT-4007}, recorded by
 * {@link TenantDecisions}) before it can run.
 */
final class NativeSqlGuard implements NativeQueryInterpreter {

    private static final long serialVersionUID = 1L;

    private final NativeQueryInterpreter delegate;
    private final transient LazyTenantModel model;

    NativeSqlGuard(NativeQueryInterpreter delegate, SessionFactoryImplementor factory) {
        this.delegate = delegate;
        this.model = new LazyTenantModel(factory);
    }

    @Override
    public void recognizeParameters(String nativeQuery, ParameterRecognizer recognizer) {
        check(nativeQuery);
        delegate.recognizeParameters(nativeQuery, recognizer);
    }

    @Override
    public <R> NativeSelectQueryPlan<R> createQueryPlan(NativeSelectQueryDefinition<R> definition,
            SessionFactoryImplementor factory) {
        check(definition.getSqlString());
        return delegate.createQueryPlan(definition, factory);
    }

    void check(String sql) {
        if (TenantSafeSql.reasonOf(sql).isEmpty()) {
            Optional<String> table = model.get().tenantTableIn(sql);
            if (table.isPresent()) {
                // the target is the table the statement names, never the statement (it may hold literals)
                throw TenantDecisions.denied("ZT-4007", TenantDecisions.NATIVE_QUERY_ACTION, "table " + table.get(),
                        "native SQL on a tenant-scoped table must be marked with TenantSafeSql.mark(reason, sql);"
                        + " tenant tables: " + model.get().tables());
            }
        }
    }
}
