package dev.zt.jpa;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/** Collects every statement Hibernate sends, for assertions on the generated SQL. */
final class SqlLog implements StatementInspector {

    private static final long serialVersionUID = 1L;

    private final List<String> statements = new CopyOnWriteArrayList<>();

    @Override
    public String inspect(String sql) {
        statements.add(sql);
        return sql;
    }

    void clear() {
        statements.clear();
    }

    List<String> statements() {
        return List.copyOf(statements);
    }
}
