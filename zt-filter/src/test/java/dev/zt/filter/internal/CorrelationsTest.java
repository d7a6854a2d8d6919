package dev.zt.filter.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CorrelationsTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

    @Test
    void traceIdWhenValidVersion00ThenTheTraceId() {
        assertThat(Correlations.traceId("00-" + TRACE + "-00f067aa0ba902b7-01")).isEqualTo(TRACE);
    }

    @Test
    void traceIdWhenLaterVersionWithExtraFieldsThenTheTraceId() {
        assertThat(Correlations.traceId("01-" + TRACE + "-00f067aa0ba902b7-01-future")).isEqualTo(TRACE);
    }

    @Test
    void traceIdWhenMalformedOrForbiddenThenNone() {
        assertThat(Correlations.traceId("ff-" + TRACE + "-00f067aa0ba902b7-01")).isNull();
        assertThat(Correlations.traceId("00-" + TRACE + "-00f067aa0ba902b7-01-extra")).isNull();
        assertThat(Correlations.traceId("00-" + "0".repeat(32) + "-00f067aa0ba902b7-01")).isNull();
        assertThat(Correlations.traceId("00-" + TRACE + "-" + "0".repeat(16) + "-01")).isNull();
        assertThat(Correlations.traceId("00-" + TRACE.toUpperCase() + "-00f067aa0ba902b7-01")).isNull();
        assertThat(Correlations.traceId("00-" + TRACE + "-00f067aa0ba902b7")).isNull();
        assertThat(Correlations.traceId("")).isNull();
    }
}
