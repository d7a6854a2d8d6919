package dev.zt.core.internal.verification;

import dev.zt.core.RejectionReason;
import dev.zt.core.TokenPolicy;
import dev.zt.core.TokenRejectedException;
import java.util.Map;
import java.util.Set;

/**
 * The header fields zt acts on. {@link #parse} applies the rules of the signature layer (alg on
 * the allow-list, no {@code crit}, {@code b64}, {@code zip} or {@code enc}, a short string
 * {@code kid}); {@link #requireType} adds the access-token rule on {@code typ}. Key-carrying
 * parameters ({@code jku}, {@code x5u}, {@code jwk}, {@code x5c}) are never read: keys come only
 * from the configured key source.
 *
 * @param kid may be null
 * @param type the raw {@code typ}, may be null
 */
public record JoseHeader(String algorithm, String kid, Object type) {

    private static final int MAX_KID_LENGTH = 256;

    public static JoseHeader parse(byte[] headerBytes, Set<String> allowedAlgorithms) {
        Map<String, Object> header = JsonObjects.parse(headerBytes, RejectionReason.MALFORMED_HEADER);
        if (!(header.get("alg") instanceof String alg)) {
            throw new TokenRejectedException(RejectionReason.MALFORMED_HEADER, "alg missing or not a string");
        }
        if (!allowedAlgorithms.contains(alg)) {
            throw new TokenRejectedException(RejectionReason.DISALLOWED_ALGORITHM, safe(alg));
        }
        if (header.containsKey("enc")) {
            throw new TokenRejectedException(RejectionReason.ENCRYPTED, "enc header");
        }
        if (header.containsKey("crit") || header.containsKey("b64")) {
            throw new TokenRejectedException(RejectionReason.CRITICAL_HEADER);
        }
        if (header.containsKey("zip")) {
            throw new TokenRejectedException(RejectionReason.COMPRESSED);
        }
        Object kid = header.get("kid");
        if (kid != null && (!(kid instanceof String kidString) || kidString.isEmpty() || kidString.length() > MAX_KID_LENGTH)) {
            throw new TokenRejectedException(RejectionReason.MALFORMED_HEADER, "kid is not a short string");
        }
        return new JoseHeader(alg, (String) kid, header.get("typ"));
    }

    /** RFC 9068 / RFC 8725 3.11: the token must say what it is, and the policy must accept that. */
    public void requireType(TokenPolicy policy) {
        if (!(type instanceof String typ) || !policy.tokenTypes().contains(TokenPolicy.normaliseTokenType(typ))) {
            throw new TokenRejectedException(RejectionReason.WRONG_TYPE, type instanceof String s ? safe(s) : "typ missing");
        }
    }

    /** Header values are attacker-chosen: log at most a short, printable excerpt. */
    static String safe(String value) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < value.length() && i < 32; i++) {
            char c = value.charAt(i);
            sb.append(c >= 0x20 && c < 0x7F ? c : '?');
        }
        return "'" + sb + (value.length() > 32 ? "...'" : "'");
    }
}
