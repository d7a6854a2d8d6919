package dev.zt.core.internal.keys;

import java.lang.System.Logger.Level;
import java.util.List;

/**
 * The log messages of the trusted-key sources ({@code ZT-5nnn}). They name keys by kid only and
 * never carry key material beyond that, nor any token.
 */
final class KeyLog {

    private static final System.Logger LOG = System.getLogger("dev.zt.core.keys");

    private KeyLog() {
    }

    static void ignored(String source, List<IgnoredKey> ignored) {
        for (IgnoredKey key : ignored) {
            LOG.log(Level.WARNING, "ZT-5001 ignoring a JWK of {0}: {1}", source, key);
        }
    }

    static void refreshFailed(String source, String why) {
        LOG.log(Level.WARNING, "ZT-5002 refreshing the key set of {0} failed: {1}", source, why);
    }

    static void refreshed(String source, int keys, Object expiresAt) {
        LOG.log(Level.DEBUG, "ZT-5003 loaded {0} trusted keys from {1}, fresh until {2}", keys, source, expiresAt);
    }
}
