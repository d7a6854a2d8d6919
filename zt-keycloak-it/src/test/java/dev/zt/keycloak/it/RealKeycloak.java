package dev.zt.keycloak.it;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts one real Keycloak per test JVM, the first time a test class needs it, and stops it when the
 * whole run ends (it lives in the root context's store, which closes it). Test classes get it as a
 * {@link Keycloak} parameter of their {@code @BeforeAll} or test methods.
 *
 * <p>System properties (set by the module's failsafe configuration): {@code keycloak.home} (the
 * unpacked distribution), {@code keycloak.realms} (the realm files), {@code keycloak.log}, and
 * optionally {@code keycloak.java.home} and {@code keycloak.start.timeout} (seconds, default 300).
 */
final class RealKeycloak implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RealKeycloak.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        keycloak(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Keycloak.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return keycloak(context);
    }

    private static Keycloak keycloak(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Keycloak.class, type -> start(), Keycloak.class);
    }

    private static Keycloak start() {
        Path home = Path.of(required("keycloak.home"));
        Path realms = Path.of(required("keycloak.realms"));
        Path log = Path.of(System.getProperty("keycloak.log", home.resolveSibling("keycloak.log").toString()));
        Duration deadline = Duration.ofSeconds(Long.getLong("keycloak.start.timeout", 300));
        Path javaHome = Jdks.findJavaHome();
        Instant started = Instant.now();
        try {
            KeycloakServer server = KeycloakServer.start(home, realms, log, javaHome, deadline);
            System.out.printf("Keycloak (Java from %s) ready at %s after %d s; log: %s%n", javaHome, server.baseUri(),
                    Duration.between(started, Instant.now()).toSeconds(), log);
            return new Keycloak(server);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("could not start Keycloak from " + home + ": " + e, e);
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set: run these tests through"
                    + " 'mvn -f zt-keycloak-it/pom.xml verify', whose failsafe configuration sets it");
        }
        return value;
    }
}
