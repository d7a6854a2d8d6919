package dev.zt.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.benmanes.caffeine.cache.Caffeine;
import dev.zt.core.Scopes;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import org.jose4j.json.JsonUtil;
import org.junit.jupiter.api.Test;

/** The client works on a class path without JAX-RS; only the adapter in dev.zt.client.jaxrs needs it. */
class OptionalJaxRsTest {

    @Test
    void clientBuildsAndRefusesBadRequests_withoutJaxRsOnTheClassPath_whileTheFilterCannotLoad() throws Exception {
        URL[] withoutJaxRs = {location(TokenClient.class), location(Caffeine.class), location(JsonUtil.class),
                location(Scopes.class)};
        try (URLClassLoader loader = new URLClassLoader(withoutJaxRs, ClassLoader.getPlatformClassLoader())) {
            Class<?> client = Class.forName("dev.zt.client.TokenClient", true, loader);
            Class<?> secret = Class.forName("dev.zt.client.Secret", true, loader);
            Object builder = client.getMethod("builder", URI.class).invoke(null, URI.create("https://idp.example/t"));
            builder.getClass().getMethod("clientId", String.class).invoke(builder, "orders");
            builder.getClass().getMethod("clientSecret", secret)
                    .invoke(builder, secret.getMethod("of", char[].class).invoke(null, (Object) "x".toCharArray()));
            Object built = builder.getClass().getMethod("build").invoke(builder);

            assertThat(built.getClass().getClassLoader()).isSameAs(loader);
            assertThat(built.toString()).contains("clientId=orders");
            // positive control: this loader really lacks JAX-RS
            assertThatThrownBy(() -> Class.forName("dev.zt.client.jaxrs.ServiceTokenFilter", true, loader))
                    .isInstanceOf(NoClassDefFoundError.class).hasMessageContaining("jakarta/ws/rs");
        }
    }

    private static URL location(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation();
    }
}
