package dev.zt.client.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zt.client.ServiceToken;
import dev.zt.client.ServiceTokenException;
import dev.zt.client.TokenRequest;
import dev.zt.client.TokenSource;
import dev.zt.core.testing.TestTokens;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
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
