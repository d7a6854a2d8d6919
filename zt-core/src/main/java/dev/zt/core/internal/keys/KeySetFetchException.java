package dev.zt.core.internal.keys;

/** A fetch of a remote key set failed; the message says why, without response content. No stack trace. */
final class KeySetFetchException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    KeySetFetchException(String message) {
        super(message, null, false, false);
    }
}
