package dev.zt.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import org.hibernate.annotations.TenantId;

/**
 * Opt-in by inheritance: an entity that extends this class is scoped to the caller's tenant, held
 * in the column {@code tenant_id}. An entity that cannot extend it opts in with Hibernate's
 * {@link TenantId} on one {@code String} field instead (name the column with {@link Column}).
 *
 * <p>The tenant is never set by application code: zt stamps the caller's tenant on persist,
 * rejects a different value, and the column is not updatable.
 */
@MappedSuperclass
public abstract class TenantScopedEntity {

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false, length = 64)
    private String tenant;

    /** The owning tenant; {@code null} until the entity is persisted. */
    public String tenant() {
        return tenant;
    }
}
