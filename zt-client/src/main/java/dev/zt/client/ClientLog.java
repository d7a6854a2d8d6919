package dev.zt.client;

import java.lang.System.Logger.Level;
import java.time.Instant;

/**
 * The log messages of the token client ({@code ZT-72nn}). They name the request by audience and
 * scopes only: never a token (obtained, subject or actor) and never the client secret.
 */
final class ClientLog {

    static final String LOGGER = "dev.zt.client";
    private static final System.Logger LOG = System.getLogger(LOGGER);

    private ClientLog() {
    }

    static void obtained(TokenRequest request, Instant expiresAt) {
        LOG.log(Level.DEBUG, "ZT-7201 obtained a token for {0}, valid until {1}", request, expiresAt);
    }

    static void failed(TokenRequest request, ServiceTokenException failure) {
        LOG.log(Level.WARNING, "ZT-7202 obtaining a token for {0} failed: {1}", request, failure.getMessage());
    }
}
