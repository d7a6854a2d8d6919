package dev.zt.devissuer;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Instant;

/**
 * Every log line of the development issuer, with its stable id (block ZT-8000..8099). No line ever
 * carries a token or a client secret: tokens are named by their {@code jti}, clients by their id.
 */
final class IssuerLog {

    static final String LOGGER_NAME = "dev.zt.devissuer";
    private static final Logger LOG = System.getLogger(LOGGER_NAME);

    private IssuerLog() {
    }

    static void started(String issuer, String kid) {
        LOG.log(Level.INFO, "ZT-8003 DEVELOPMENT-ONLY token issuer listening at {0} (signing key {1}); never use it in production",
                issuer, kid);
    }

    static void stopped(String issuer) {
        LOG.log(Level.INFO, "ZT-8004 development issuer at {0} stopped", issuer);
    }

    static void rotated(String newKid, String retiredKid, Instant publishedUntil) {
        LOG.log(Level.INFO, "ZT-8010 signing key rotated: now {0}; {1} stays published until {2}", newKid, retiredKid,
                publishedUntil);
    }

    static void dropped(String kid) {
        LOG.log(Level.INFO, "ZT-8011 key {0} removed from the JWKS (its overlap ended)", kid);
    }

    static void issued(String grant, String clientId, String subject, String audience, String jti, Instant expiresAt) {
        LOG.log(Level.DEBUG, "ZT-8020 issued token jti={0} ({1}) client={2} sub={3} aud={4} until {5}", jti, grant,
                clientId, subject, audience, expiresAt);
    }

    static void refused(String endpoint, String clientId, String error, String description) {
        LOG.log(Level.INFO, "ZT-8021 {0} refused for client {1}: {2} ({3})", endpoint, clientId, error, description);
    }

    static void subjectTokenRejected(String clientId, String reasonId, String reason) {
        LOG.log(Level.INFO, "ZT-8023 token exchange by {0}: subject token rejected, {1} {2}", clientId, reasonId, reason);
    }

    static void notLoopback(String remote, String host) {
        LOG.log(Level.WARNING, "ZT-8030 refused a request from {0} with Host {1}: the development issuer answers "
                + "only loopback clients addressing a loopback host", remote, host);
    }

    static void secretWritten(String clientId, Object path) {
        LOG.log(Level.INFO, "ZT-8040 secret of client {0} written to {1} (owner-only)", clientId, path);
    }

    static void failed(String endpoint, Throwable error) {
        LOG.log(Level.WARNING, "ZT-8099 {0} failed unexpectedly: {1}", endpoint, error.getClass().getName());
    }
}
