package dev.zt.leakscan;

/**
 * A minted token found in captured output: where, which part, and whose; the token itself is
 * only ever named by its {@link Fingerprint}.
 *
 * @param file        the output file, relative to the repository root
 * @param line        1-based line number
 * @param part        what was found: {@code whole token}, {@code payload.signature}, {@code signature}
 *                    (a JWS), or {@code token} (a value that is not a signed JWS)
 * @param fingerprint {@link Fingerprint} of the token
 * @param mintedBy    the module whose tests registered the token
 */
public record Leak(String file, long line, String part, String fingerprint, String mintedBy) {

    @Override
    public String toString() {
        return file + ":" + line + ": minted token sha256:" + fingerprint + " (" + part + "; registered by " + mintedBy
                + ")";
    }
}
