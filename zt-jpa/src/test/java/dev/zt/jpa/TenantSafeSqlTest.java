package dev.zt.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TenantSafeSqlTest {

    @Test
    void mark_thenReasonOf_returnsTheReason() {
        String sql = TenantSafeSql.mark("nightly totals", "select 1 from customer where tenant_id = ?");
        assertThat(sql).startsWith(TenantSafeSql.MARKER).endsWith("select 1 from customer where tenant_id = ?");
        assertThat(TenantSafeSql.reasonOf(sql)).contains("nightly totals");
    }

    @Test
    void reasonOf_unmarkedOrMarkerNotLeading_isEmpty() {
        assertThat(TenantSafeSql.reasonOf("select * from customer")).isEmpty();
        assertThat(TenantSafeSql.reasonOf("select * from customer /* zt:tenant-safe [x] */")).isEmpty();
        assertThat(TenantSafeSql.reasonOf(null)).isEmpty();
    }

    @Test
    void mark_withoutReason_isRejected() {
        assertThatThrownBy(() -> TenantSafeSql.mark(" ", "select 1")).hasMessageStartingWith("ZT-4009");
        assertThatThrownBy(() -> TenantSafeSql.mark(null, "select 1")).hasMessageStartingWith("ZT-4009");
    }

    @Test
    void mark_reasonThatCouldCloseTheComment_isRejected() {
        assertThatThrownBy(() -> TenantSafeSql.mark("x */ delete from customer; /*", "select 1"))
                .hasMessageStartingWith("ZT-4009");
        assertThatThrownBy(() -> TenantSafeSql.mark("a] b", "select 1")).hasMessageStartingWith("ZT-4009");
    }
}
