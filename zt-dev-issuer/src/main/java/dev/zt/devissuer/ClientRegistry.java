package dev.zt.devissuer;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The registered clients and the secrets generated for them at start; authenticates {@code client_secret_basic}. */
final class ClientRegistry {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] NO_SECRET = new byte[43];

    private final Map<String, DevClient> clients = new LinkedHashMap<>();
    private final Map<String, byte[]> secrets = new LinkedHashMap<>();

    ClientRegistry(Collection<DevClient> registered) {
        for (DevClient client : registered) {
            if (clients.putIfAbsent(client.id(), client) != null) {
                throw new IllegalArgumentException("ZT-8002 client " + client.id() + " is registered twice");
            }
            secrets.put(client.id(), newSecret().getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** 256 random bits, base64url: safe in a Basic header, a file, a shell variable. */
    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    Set<String> ids() {
        return Set.copyOf(clients.keySet());
    }

    DevClient client(String id) {
        DevClient client = clients.get(id);
        if (client == null) {
            throw new IllegalArgumentException("ZT-8007 no client '" + id + "' is registered; registered: " + clients.keySet());
        }
        return client;
    }

    String secret(String id) {
        client(id);
        return new String(secrets.get(id), StandardCharsets.US_ASCII);
    }

    /**
     * The client a {@code Basic} authorization header proves (RFC 6749 2.3.1: id and secret are
     * form-encoded, then joined by a colon and base64-encoded).
     *
     * @throws OAuthError {@code invalid_client} for a missing or malformed header, an unknown id or a wrong secret
     */
    DevClient authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw OAuthError.invalidClient();
        }
        String id;
        String secret;
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw OAuthError.invalidClient();
            }
            id = URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
            secret = URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw OAuthError.invalidClient();
        }
        byte[] expected = secrets.getOrDefault(id, NO_SECRET);
        boolean matches = MessageDigest.isEqual(expected, secret.getBytes(StandardCharsets.UTF_8));
        if (!matches || expected == NO_SECRET) {
            throw OAuthError.invalidClient();
        }
        return clients.get(id);
    }

    @Override
    public String toString() {
        return "ClientRegistry" + clients.keySet();
    }
}
