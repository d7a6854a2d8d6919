package dev.zt.filter.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

/** The four answers the filter may give, asserted completely: status, challenge, RFC 9457 body. */
final class Refusals {

    static final String REALM_CHALLENGE = "Bearer realm=\"" + ZeroTrustServer.REALM + "\"";

    private Refusals() {
    }

    /** 401, {@code error="invalid_token"}, and the same generic description whatever the reason. */
    static void assertInvalidToken(Reply reply) {
        assertThat(reply.status()).as("status of %s", reply.everything()).isEqualTo(401);
        assertThat(reply.challenge())
                .isEqualTo(REALM_CHALLENGE + ", error=\"invalid_token\", error_description=\"The access token is invalid.\"");
        assertProblem(reply, 401, "invalid_token");
        assertThat(reply.json()).containsEntry("detail", "The access token is invalid.");
    }

    /** 401 with a bare challenge: no error attribute, since no bearer credential was presented. */
    static void assertNoCredentials(Reply reply) {
        assertThat(reply.status()).as("status of %s", reply.everything()).isEqualTo(401);
        assertThat(reply.challenge()).isEqualTo(REALM_CHALLENGE);
        assertThat(reply.challenge()).doesNotContain("error");
        assertProblem(reply, 401, "unauthorized");
    }

    static void assertInvalidRequest(Reply reply) {
        assertThat(reply.status()).as("status of %s", reply.everything()).isEqualTo(400);
        assertThat(reply.challenge()).startsWith(REALM_CHALLENGE + ", error=\"invalid_request\"");
        assertProblem(reply, 400, "invalid_request");
    }

    static void assertInsufficientScope(Reply reply, String scope) {
        assertThat(reply.status()).as("status of %s", reply.everything()).isEqualTo(403);
        assertThat(reply.challenge()).startsWith(REALM_CHALLENGE + ", error=\"insufficient_scope\"")
                .endsWith(", scope=\"" + scope + "\"");
        assertProblem(reply, 403, "insufficient_scope");
        assertThat(reply.json()).containsEntry("scope", scope);
    }

    /** 200 from the echo servlet, as {@code subject}; returns what the application saw. */
    static Map<String, Object> assertAccepted(Reply reply, String subject) {
        assertThat(reply.status()).as("status of %s", reply.everything()).isEqualTo(200);
        Map<String, Object> seen = reply.json();
        assertThat(seen)
                .containsEntry("principal", subject)
                .containsEntry("principalIsActor", true)
                .containsEntry("remoteUser", subject)
                .containsEntry("authType", "BEARER")
                .containsEntry("context", subject);
        return seen;
    }

    /** 200 from the echo servlet with no actor anywhere. */
    static void assertAnonymous(Reply reply) {
        assertThat(reply.status()).as("status of %s", reply.everything()).isEqualTo(200);
        assertThat(reply.json())
                .containsEntry("principal", null)
                .containsEntry("authType", null)
                .containsEntry("context", null);
    }

    private static void assertProblem(Reply reply, int status, String code) {
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.header("Cache-Control")).contains("no-store");
        Map<String, Object> problem = reply.json();
        assertThat(problem).containsKeys("type", "title", "status", "detail");
        assertThat(problem.get("type")).isEqualTo("urn:zt:problem:" + code);
        assertThat(((Number) problem.get("status")).intValue()).isEqualTo(status);
    }
}
