package dev.zt.client;

import dev.zt.client.ServiceTokenException.Reason;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.TimeoutException;

/** Maps whatever a fetch failed with onto a {@link ServiceTokenException} (its message names only the type). */
final class Failures {

    private Failures() {
    }

    static ServiceTokenException asServiceTokenException(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ServiceTokenException known) {
                return known;
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HttpTimeoutException || t instanceof TimeoutException) {
                return new ServiceTokenException(Reason.TIMEOUT, null, t.getClass().getSimpleName(), t);
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return new ServiceTokenException(Reason.ENDPOINT_UNREACHABLE, null, t.getClass().getSimpleName(), t);
            }
        }
        return new ServiceTokenException(Reason.ENDPOINT_UNREACHABLE, null,
                failure == null ? null : failure.getClass().getSimpleName(), failure);
    }
}
