package dev.zt.core.internal.verification;

import dev.zt.core.KeySource;
import dev.zt.core.RejectionReason;
import dev.zt.core.TokenRejectedException;
import dev.zt.core.VerificationKey;
import java.util.List;

/**
 * The JWS signature layer, below any JWT rule: selects the one trusted key for the header's
 * {@code kid} and {@code alg} from the key source, and verifies the signature with it. The
 * Wycheproof and RFC 7520 vectors run against exactly this.
 */
public final class SignatureLayer {

    private SignatureLayer() {
    }

    /** @return the key that verified the signature */
    public static VerificationKey verify(CompactJws jws, JoseHeader header, KeySource keys) {
        List<VerificationKey> candidates = keys.keysFor(header.kid(), header.algorithm());
        if (candidates.size() != 1) {
            // With a kid: unknown. Without one: none or ambiguous; zt never tries keys one by one.
            throw new TokenRejectedException(RejectionReason.UNKNOWN_KEY,
                    header.kid() == null ? candidates.size() + " candidate keys and no kid" : null);
        }
        VerificationKey key = candidates.get(0);
        if (!SignatureCheck.verifies(jws, header.algorithm(), key)) {
            throw new TokenRejectedException(RejectionReason.BAD_SIGNATURE);
        }
        return key;
    }
}
