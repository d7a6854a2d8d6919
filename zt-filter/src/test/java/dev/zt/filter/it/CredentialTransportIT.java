package dev.zt.filter.it;

import dev.zt.core.testing.MutableClock;
import static dev.zt.filter.it.Refusals.assertAccepted;
import static dev.zt.filter.it.Refusals.assertInvalidRequest;
import static dev.zt.filter.it.Refusals.assertInvalidToken;
import static dev.zt.filter.it.Refusals.assertNoCredentials;
import static org.junit.jupiter.api.Named.named;

import dev.zt.core.Jwks;
import dev.zt.core.testing.TestKeys;
import dev.zt.core.testing.TestTokens;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * How the credential travels (RFC 6750 section 2): only the {@code Authorization} header counts; the
 * scheme is case-insensitive; ambiguity (two headers, header plus query or body) is a 400; a token
 * only in the query, the body or a cookie is no credential at all.
 */
class CredentialTransportIT {

    private static final MutableClock CLOCK = MutableClock.startingNow();
    private static ZeroTrustServer server;
    private static Http http;

    @BeforeAll
    static void start() {
        LogCapture.install();
        server = ZeroTrustServer.start(ZeroTrustServer.settings(ZeroTrustServer.policy().build(),
                Jwks.fromJson(TestKeys.jwks()), CLOCK).build());
        http = new Http(server);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static String token() {
        return TestTokens.valid(CLOCK).sign();
    }

    static Stream<Arguments> acceptedSchemes() {
        return Stream.of(
                Arguments.of(named("Bearer", "Bearer ")),
                Arguments.of(named("bearer (lower case)", "bearer ")),
                Arguments.of(named("BEARER (upper case)", "BEARER ")),
                Arguments.of(named("bEaReR (mixed case)", "bEaReR ")),
                Arguments.of(named("Bearer followed by three spaces", "Bearer   ")));
    }

    @ParameterizedTest(name = "scheme {0} → 200")
    @MethodSource("acceptedSchemes")
    void requestWhenSchemeIsAnySpellingOfBearerThenAccepted(String prefix) {
        assertAccepted(http.get("/orders", "Authorization", prefix + token()), "alice");
    }

    @Test
    void requestWhenNoAuthorizationThenBareChallenge() {
        assertNoCredentials(http.get("/orders"));
    }

    @Test
    void requestWhenBasicSchemeThenBareChallenge() {
        assertNoCredentials(http.get("/orders", "Authorization", "Basic YWxpY2U6c2VjcmV0"));
    }

    @Test
    void requestWhenOtherSchemeCarriesAValidTokenThenBareChallenge() {
        assertNoCredentials(http.get("/orders", "Authorization", "Token " + token()));
        assertNoCredentials(http.get("/orders", "Authorization", "Bearer-" + token()));
    }

    @Test
    void requestWhenBearerWithoutTokenThenInvalidRequest() {
        assertInvalidRequest(http.get("/orders", "Authorization", "Bearer"));
        assertInvalidRequest(http.get("/orders", "Authorization", "Bearer    "));
    }

    @Test
    void requestWhenTokenContainsASpaceThenInvalidRequest() {
        String token = token();
        assertInvalidRequest(http.get("/orders", "Authorization", "Bearer " + token.substring(0, 20) + " " + token.substring(20)));
    }

    @Test
    void requestWhenTokenIsJsonSerializationThenInvalidRequest() {
        String[] s = Tokens.segments(token());
        String json = "{\"payload\":\"" + s[1] + "\",\"protected\":\"" + s[0] + "\",\"signature\":\"" + s[2] + "\"}";

        assertInvalidRequest(http.get("/orders", "Authorization", "Bearer " + json));
    }

    @Test
    void requestWhenPaddingInsideTheTokenThenInvalidRequest() {
        String[] s = Tokens.segments(token());

        assertInvalidRequest(http.get("/orders", "Authorization", "Bearer " + s[0] + "=." + s[1] + "." + s[2]));
    }

    @Test
    void requestWhenTokenHasNonAsciiThenInvalidRequest() {
        String token = token();
        String hostile = token.substring(0, 30) + "é" + token.substring(30);

        assertInvalidRequest(http.raw("GET /orders HTTP/1.1\r\nAuthorization: Bearer " + hostile + "\r\n", StandardCharsets.UTF_8));
    }

    @Test
    void rawRequestWhenSingleValidHeaderThenAccepted() {
        // positive control for the raw-socket cases below
        assertAccepted(http.raw("GET /orders HTTP/1.1\r\nAuthorization: Bearer " + token() + "\r\n"), "alice");
    }

    @Test
    void requestWhenTwoAuthorizationHeadersThenInvalidRequest() {
        assertInvalidRequest(http.raw("GET /orders HTTP/1.1\r\nAuthorization: Bearer " + token()
                + "\r\nAuthorization: Bearer " + token() + "\r\n"));
    }

    @Test
    void requestWhenBearerAndBasicHeadersThenInvalidRequest() {
        assertInvalidRequest(http.raw("GET /orders HTTP/1.1\r\nAuthorization: Basic YWxpY2U6c2VjcmV0"
                + "\r\nAuthorization: Bearer " + token() + "\r\n"));
    }

    @Test
    void requestWhenTwoInvalidAuthorizationHeadersThenInvalidRequestNotInvalidToken() {
        assertInvalidRequest(http.raw("GET /orders HTTP/1.1\r\nAuthorization: Bearer a.b.c\r\nAuthorization: Bearer d.e.f\r\n"));
    }

    @Test
    void requestWhenTokenInHeaderAndQueryThenInvalidRequest() {
        assertInvalidRequest(http.get("/orders?access_token=" + token(), "Authorization", "Bearer " + token()));
        assertInvalidRequest(http.get("/orders?x=1&access_token=", "Authorization", "Bearer " + token()));
    }

    @Test
    void requestWhenTokenInHeaderAndPercentEncodedQueryNameThenInvalidRequest() {
        // the container decodes access%5Ftoken to access_token for the application: still a second token
        assertInvalidRequest(http.get("/orders?access%5Ftoken=" + token(), "Authorization", "Bearer " + token()));
        assertInvalidRequest(http.get("/orders?%61ccess_token=" + token(), "Authorization", "Bearer " + token()));
        assertInvalidRequest(http.get("/orders?x=1&access_token", "Authorization", "Bearer " + token()));
    }

    @Test
    void requestWhenFormBodyMalformedThenNoServerError() {
        Reply reply = http.postForm("/orders", "item=%zz&access_token=%", "Authorization", "Bearer " + token());

        org.assertj.core.api.Assertions.assertThat(reply.status()).isEqualTo(400);
    }

    @Test
    void requestWhenFormBodyBeyondContainerLimitThenClientErrorNotServerError() {
        Reply reply = http.postForm("/orders", "item=" + "x".repeat(400_000) + "&access_token=" + token(),
                "Authorization", "Bearer " + token());

        org.assertj.core.api.Assertions.assertThat(reply.status()).isBetween(400, 499);
    }

    @Test
    void requestWhenBearerTokensCommaJoinedInOneHeaderThenInvalidRequest() {
        assertInvalidRequest(http.get("/orders", "Authorization", "Bearer " + token() + ", Bearer " + token()));
    }

    @Test
    void requestWhenHeaderAndQueryParameterWithSimilarNameThenAccepted() {
        // positive control: only the exact access_token parameter counts
        assertAccepted(http.get("/orders?access_token_hint=x&my_access_token=y", "Authorization", "Bearer " + token()), "alice");
    }

    @Test
    void requestWhenTokenInHeaderAndFormBodyThenInvalidRequest() {
        assertInvalidRequest(http.postForm("/orders", "access_token=" + token(), "Authorization", "Bearer " + token()));
    }

    @Test
    void requestWhenHeaderAndFormBodyWithoutTokenThenAccepted() {
        assertAccepted(http.postForm("/orders", "item=42&qty=1", "Authorization", "Bearer " + token()), "alice");
    }

    @Test
    void requestWhenTokenOnlyInQueryThenIgnored() {
        assertNoCredentials(http.get("/orders?access_token=" + token()));
    }

    @Test
    void requestWhenTokenOnlyInFormBodyThenIgnored() {
        assertNoCredentials(http.postForm("/orders", "access_token=" + token()));
    }

    @Test
    void requestWhenTokenOnlyInCookieThenIgnored() {
        assertNoCredentials(http.get("/orders", "Cookie", "access_token=" + token()));
        assertNoCredentials(http.get("/orders", "Cookie", "Authorization=Bearer%20" + token()));
    }

    @Test
    void requestWhenGarbageBearerTokenThenInvalidToken() {
        assertInvalidToken(http.get("/orders", "Authorization", "Bearer abc"));
        assertInvalidToken(http.get("/orders", "Authorization", "Bearer ..."));
    }
}
