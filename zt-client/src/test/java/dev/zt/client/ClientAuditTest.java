package dev.zt.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** What the audit detail says about scopes: only requested scope names, whatever the response's scope holds. */
class ClientAuditTest {

    private static final Set<String> REQUESTED = new TreeSet<>(Set.of("inventory:read", "inventory:write"));

    @Test
    void scopeDetailWhenTheResponseNamesNoScopeThenTheRequestedOnes() {
        assertThat(ClientAudit.scopeDetail(REQUESTED, null)).isEqualTo("scope inventory:read inventory:write");
        assertThat(ClientAudit.scopeDetail(Set.of(), null)).isEqualTo("scope (none)");
    }

    @Test
    void scopeDetailWhenTheResponseGrantsTheSameInAnotherOrderThenTheRequestedOnes() {
        assertThat(ClientAudit.scopeDetail(REQUESTED, "inventory:write  inventory:read"))
                .isEqualTo("scope inventory:read inventory:write");
    }

    @Test
    void scopeDetailWhenTheResponseGrantsFewerThenGrantedAndRequested() {
        assertThat(ClientAudit.scopeDetail(REQUESTED, "inventory:read"))
                .isEqualTo("scope inventory:read (requested inventory:read inventory:write)");
    }

    @Test
    void scopeDetailWhenTheResponseAddsScopesThenOnlyTheirNumber() {
        assertThat(ClientAudit.scopeDetail(REQUESTED, "inventory:read inventory:write admin s3cr3t-looking-value"))
                .isEqualTo("scope inventory:read inventory:write (+2 not requested)")
                .doesNotContain("admin").doesNotContain("s3cr3t");
    }

    @Test
    void scopeDetailWhenTheResponseScopeIsNotAStringThenTheRequestedOnesSaySo() {
        assertThat(ClientAudit.scopeDetail(REQUESTED, 42L))
                .isEqualTo("scope inventory:read inventory:write (requested; the response's scope is not a string)");
    }
}
