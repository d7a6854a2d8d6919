package dev.zt.client.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zt.client.ServiceToken;
import dev.zt.client.ServiceTokenException;
import dev.zt.client.TokenRequest;
import dev.zt.client.TokenSource;
import dev.zt.core.Actor;
import dev.zt.core.ActorContext;
import dev.zt.core.ActorKind;
import dev.zt.core.Audit;
import dev.zt.core.AuditEvent;
import dev.zt.core.AuditTrail;
import dev.zt.core.testing.TestTokens;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ServiceTokenFilterTest {

    private static final TokenRequest INVENTORY_READ = TokenRequest.of("inventory-service", "inventory:read");

    private final List<TokenRequest> asked = new ArrayList<>();
    private final MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();
    private final ClientRequestContext context = (ClientRequestContext) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {ClientRequestContext.class}, (proxy, method, args) -> {
                if (method.getName().equals("getHeaders")) {
                    return headers;
                }
                throw new UnsupportedOperationException(method.getName());
            });

    /** A token source that answers with a token naming the request, so the test sees which was asked. */
    private final TokenSource tokens = request -> {
        asked.add(request);
        return TestSupport.token("token-for-" + request.audience() + (request.isExchange() ? "-obo" : ""));
    };

    @Test
    void forService_setsExactlyOneBearerHeader_replacingAnyOther() {
        headers.add("Authorization", "Bearer callers-token");

        ServiceTokenFilter.forService(tokens, INVENTORY_READ).filter(context);

        assertThat(headers.get("Authorization")).containsExactly("Bearer token-for-inventory-service");
        assertThat(asked).containsExactly(INVENTORY_READ);
    }

    @Test
    void onBehalfOf_exchangesTheSuppliedSubjectToken() {
        String userToken = TestTokens.valid().sign();

        ServiceTokenFilter.onBehalfOf(tokens, INVENTORY_READ, () -> userToken).filter(context);

        assertThat(headers.get("Authorization")).containsExactly("Bearer token-for-inventory-service-obo");
        assertThat(asked).singleElement().satisfies(r -> {
            assertThat(r.isExchange()).isTrue();
            assertThat(r.audience()).isEqualTo("inventory-service");
        });
    }

    @Test
    void onBehalfOf_withoutASubjectToken_failsAndSetsNoHeader() {
        ServiceTokenFilter filter = ServiceTokenFilter.onBehalfOf(tokens, INVENTORY_READ, () -> null);

        assertThatThrownBy(() -> filter.filter(context)).isInstanceOf(ServiceTokenException.class)
                .hasMessageStartingWith("ZT-7012");
        assertThat(headers).isEmpty();
        assertThat(asked).isEmpty();
    }

    @Test
    void onBehalfOfWhenTheSupplierGivesNoSubjectThenOneDeniedEventZt7012WithTheActor() {
        List<AuditEvent> events = new CopyOnWriteArrayList<>();
        AuditTrail trail = AuditTrail.builder().sink(events::add).build();
        Actor alice = Actor.builder("alice", ActorKind.USER).tokenId("alice-jti")
                .validFor(Clock.systemUTC(), Duration.ofMinutes(5)).build();
        try (Audit.Installation ignored = Audit.install(trail)) {
            ServiceTokenFilter filter = ServiceTokenFilter.onBehalfOf(tokens, INVENTORY_READ, () -> " ");
            ActorContext.runAs(alice, () -> assertThatThrownBy(() -> filter.filter(context))
                    .hasMessageStartingWith("ZT-7012"));
        } finally {
            trail.closeAndDrain();
        }

        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.layer()).isEqualTo(AuditEvent.Layer.CLIENT);
            assertThat(event.outcome()).isEqualTo(AuditEvent.Outcome.DENIED);
            assertThat(event.reason()).isEqualTo("ZT-7012");
            assertThat(event.actorSubject()).contains("alice");
            assertThat(event.tokenId()).isEmpty(); // no service token was obtained; alice's jti is not one
            assertThat(event.target()).contains("inventory-service");
            assertThat(event.detail()).get().asString().startsWith("scope inventory:read; grant token-exchange; ");
        });
        assertThat(asked).isEmpty();
    }

    @Test
    void failingTokenSource_failsTheRequestAndSetsNoHeader() {
        TokenSource down = request -> {
            throw new ServiceTokenException(ServiceTokenException.Reason.ENDPOINT_UNREACHABLE, null);
        };

        assertThatThrownBy(() -> ServiceTokenFilter.forService(down, INVENTORY_READ).filter(context))
                .isInstanceOf(ServiceTokenException.class);
        assertThat(headers).isEmpty();
    }

    @Test
    void toString_neverShowsTheSubjectToken() {
        String userToken = TestTokens.valid().sign();

        assertThat(ServiceTokenFilter.onBehalfOf(tokens, INVENTORY_READ, () -> userToken).toString())
                .doesNotContain(userToken).contains("inventory-service");
    }

    /** ServiceToken's constructor is package-private to dev.zt.client; tests build one through its test helper. */
    static final class TestSupport {
        static ServiceToken token(String value) {
            return dev.zt.client.TestServiceTokens.of(value);
        }
    }
}
