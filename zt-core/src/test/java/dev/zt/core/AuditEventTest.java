package dev.zt.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zt.core.AuditEvent.Layer;
import dev.zt.core.AuditEvent.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.jose4j.json.JsonUtil;
import org.junit.jupiter.api.Test;

class AuditEventTest {

    private static final Instant T = Instant.parse("2026-12-03T12:00:00.123Z");
    private static final Clock CLOCK = Clock.fixed(T, ZoneOffset.UTC);

    private static AuditEvent.Builder denied() {
        return AuditEvent.builder(T, Layer.FILTER, Outcome.DENIED, "ZT-2017");
    }

    private static String escaped(String value) {
        String json = denied().target(value).build().toJson();
        String prefix = "\"target\":";
        return json.substring(json.indexOf(prefix) + prefix.length(), json.length() - 1);
    }

    @Test
    void toJsonWhenOnlyRequiredFieldsThenTimeOutcomeReasonAndNothingElse() {
        assertThat(denied().build().toJson())
                .isEqualTo("{\"time\":\"2026-12-03T12:00:00.123Z\",\"layer\":\"FILTER\",\"outcome\":\"DENIED\",\"reason\":\"ZT-2017\"}");
    }

    @Test
    void toJsonWhenEveryFieldSetThenStableNamesInStableOrder() {
        String json = AuditEvent.builder(T, Layer.FILTER, Outcome.GRANTED, "ZT-3000")
                .actorSubject("alice").actorKind(ActorKind.USER).actorTenant("acme")
                .delegation(List.of("svc-a", "svc-b")).purpose("billing").clientId("web").tokenId("j-1")
                .action("GET /api/orders").target("order/7").detail("lacks [orders:write]").requestId("r-1")
                .traceId("4bf92f3577b34da6a3ce929d0e0e4736").remoteAddress("10.0.0.1")
                .build().toJson();
        assertThat(json).isEqualTo("{\"time\":\"2026-12-03T12:00:00.123Z\",\"layer\":\"FILTER\",\"outcome\":\"GRANTED\",\"reason\":\"ZT-3000\","
                + "\"actorSubject\":\"alice\",\"actorKind\":\"USER\",\"actorTenant\":\"acme\","
                + "\"delegation\":[\"svc-a\",\"svc-b\"],\"purpose\":\"billing\",\"clientId\":\"web\",\"tokenId\":\"j-1\","
                + "\"action\":\"GET /api/orders\",\"target\":\"order/7\",\"detail\":\"lacks [orders:write]\",\"requestId\":\"r-1\","
                + "\"traceId\":\"4bf92f3577b34da6a3ce929d0e0e4736\",\"remoteAddress\":\"10.0.0.1\"}");
    }

    @Test
    void actorWhenVerifiedActorThenSubjectKindTenantChainPurposeClientAndJti() {
        Actor actor = Actor.builder("alice", ActorKind.USER).tenant("acme").purpose("billing").clientId("web")
                .tokenId("j-9").actingParties(List.of(ActingParty.of("svc-a"))).validFor(CLOCK, Duration.ofMinutes(5)).build();
        AuditEvent event = denied().actor(actor).build();
        assertThat(event.actorSubject()).contains("alice");
        assertThat(event.actorKind()).contains(ActorKind.USER);
        assertThat(event.actorTenant()).contains("acme");
        assertThat(event.delegation()).containsExactly("svc-a");
        assertThat(event.purpose()).contains("billing");
        assertThat(event.clientId()).contains("web");
        assertThat(event.tokenId()).contains("j-9");
    }

    @Test
    void toJsonWhenQuotesAndBackslashesThenEscaped() {
        assertThat(escaped("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
    }

    @Test
    void toJsonWhenControlCharactersThenEscapedAndLineStaysOneLine() throws Exception {
        assertThat(escaped("a\nb\rc\td\be\ff\u0000g\u001fh\u007fi\u0085j"))
                .isEqualTo("\"a\\nb\\rc\\td\\be\\ff\\u0000g\\u001fh\\u007fi\\u0085j\"");
        String json = denied().action("GET /x\n{\"outcome\":\"GRANTED\"}").build().toJson();
        assertThat(json).doesNotContain("\n").doesNotContain("\r");
        assertThat(JsonUtil.parseJson(json)).containsEntry("outcome", "DENIED")
                .containsEntry("action", "GET /x\n{\"outcome\":\"GRANTED\"}");
    }

    @Test
    void toJsonWhenUnicodeThenKeptAndLineSeparatorsAndLoneSurrogatesEscaped() {
        assertThat(escaped("Zoë 東京 😀")).isEqualTo("\"Zoë 東京 😀\"");
        assertThat(escaped("a\u2028b\u2029c")).isEqualTo("\"a\\u2028b\\u2029c\"");
        assertThat(escaped("x\ud83dy\ude00")).isEqualTo("\"x\\ud83dy\\ude00\"");
        assertThat(escaped("end\ud83d")).isEqualTo("\"end\\ud83d\"");
    }

    @Test
    void toJsonWhenHostileValuesEverywhereThenStillParsesToTheSameValues() throws Exception {
        String hostile = "\"}\\,\n\u0001\u2028\ud800ü";
        AuditEvent event = denied().actorSubject(hostile).actorTenant(hostile).delegation(List.of(hostile, hostile))
                .purpose(hostile).clientId(hostile).tokenId(hostile).action(hostile).target(hostile)
                .requestId(hostile).traceId(hostile).remoteAddress(hostile).build();
        var parsed = JsonUtil.parseJson(event.toJson());
        String expected = "\"}\\,\n\u0001\u2028\ud800ü";
        assertThat(parsed).containsEntry("actorSubject", expected).containsEntry("remoteAddress", expected)
                .containsEntry("delegation", List.of(expected, expected)).hasSize(15);
    }

    @Test
    void builderWhenReasonMissingThenRefused() {
        assertThatThrownBy(() -> AuditEvent.builder(T, Layer.FILTER, Outcome.DENIED, " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reason id");
        assertThatThrownBy(() -> AuditEvent.builder(null, Layer.FILTER, Outcome.DENIED, "ZT-2000")).isInstanceOf(NullPointerException.class);
    }

    @Test
    void delegationWhenSourceListChangesLaterThenEventUnchanged() {
        List<String> chain = new java.util.ArrayList<>(List.of("svc-a"));
        AuditEvent event = denied().delegation(chain).build();
        chain.add("svc-b");
        assertThat(event.delegation()).containsExactly("svc-a");
    }

    @Test
    void detailWhenLongerThanTheLimitThenCutAndMarked() {
        String detail = denied().detail("x".repeat(5000)).build().detail().orElseThrow();
        assertThat(detail).hasSize(AuditEvent.MAX_DETAIL_LENGTH).endsWith("...");
        assertThat(denied().detail("lacks [a]").build().detail()).contains("lacks [a]");
    }

    @Test
    void correlationWhenBoundThenRequestIdTraceIdAndAddressCopied() {
        AuditEvent event = denied().correlation(new RequestCorrelation("r-7", "4bf92f3577b34da6a3ce929d0e0e4736", "10.1.2.3")).build();
        assertThat(event.requestId()).contains("r-7");
        assertThat(event.traceId()).contains("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(event.remoteAddress()).contains("10.1.2.3");
        assertThat(denied().correlation(new RequestCorrelation(null, null, null)).build().toJson())
                .isEqualTo(denied().build().toJson());
    }

    @Test
    void builderWhenLayerMissingThenRefused() {
        assertThatThrownBy(() -> AuditEvent.builder(T, null, Outcome.DENIED, "ZT-2000"))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("layer");
    }
}
