package dev.zt.jpa;

/** Finds zt's exception in a cause chain (JPA providers may wrap it). */
final class Violations {

    private Violations() {
    }

    /** The {@code ZT-4nnn} code of the first {@link TenantViolationException} in the chain, or "none: ...". */
    static String codeOf(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof TenantViolationException v) {
                return v.code();
            }
        }
        return "none: " + thrown;
    }

    static <T extends Throwable> T find(Throwable thrown, Class<T> type) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** Hibernate's own refusal of a filtered association, or zt's load guard (ZT-4011). */
    static boolean isRefusedCrossTenantLoad(Throwable thrown) {
        return find(thrown, org.hibernate.EntityFilterException.class) != null || "ZT-4011".equals(codeOf(thrown));
    }
}
