package dev.zt.jpa;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one way to run native SQL on a tenant-scoped table: mark it, with a reason, so that every use
 * can be found ({@code grep -r "TenantSafeSql.mark"}) and is audited ({@code ZT-4102}) each time it
 * runs. Unmarked native SQL that names a tenant-scoped table is rejected ({@code ZT-4007}).
 *
 * <pre>{@code
 * em.createNativeQuery(TenantSafeSql.mark("monthly totals, filtered by tenant_id below",
 *         "select sum(amount) from purchase_order where tenant = :tenant"))
 * }</pre>
 *
 * Marking is a promise by the author that the SQL restricts itself to the caller's tenant; zt does
 * not parse SQL to check it. With the PostgreSQL row-level-security switch on, the database
 * enforces the boundary even when the promise is broken.
 */
public final class TenantSafeSql {

    /** The text every marked statement starts with. */
    public static final String MARKER = "/* zt:tenant-safe ";

    private static final Pattern MARKED = Pattern.compile("^\\s*/\\* zt:tenant-safe \\[(.+?)] \\*/");

    private TenantSafeSql() {
    }

    /** {@code sql} prefixed with the tenant-safe marker and {@code reason}. */
    public static String mark(String reason, String sql) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("ZT-4009 a tenant-safe native query needs a reason");
        }
        if (reason.contains("*/") || reason.contains("]") || reason.contains("\n")) {
            throw new IllegalArgumentException("ZT-4009 the reason must be one line without ']' or '*/'");
        }
        if (sql == null || sql.isBlank()) {
            throw new IllegalArgumentException("ZT-4009 sql must not be blank");
        }
        return MARKER + "[" + reason.strip() + "] */ " + sql;
    }

    /** The reason of a marked statement; empty when {@code sql} is not marked. */
    public static Optional<String> reasonOf(String sql) {
        if (sql == null) {
            return Optional.empty();
        }
        Matcher m = MARKED.matcher(sql);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
