package dev.zt.filter.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RefusalAuditTest {

    @Test
    void actionWhenNoCanonicalPathThenMethodAndMarkerNeverTheRawUri() {
        assertThat(RefusalAudit.action("GET", "/orders")).isEqualTo("GET /orders");
        assertThat(RefusalAudit.action("GET", null)).isEqualTo("GET (no canonical path)");
        assertThat(RefusalAudit.action("X".repeat(100), "/a")).isEqualTo("X".repeat(32) + " /a");
    }
}
