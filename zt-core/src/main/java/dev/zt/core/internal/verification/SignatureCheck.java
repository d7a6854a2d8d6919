package dev.zt.core.internal.verification;

import dev.zt.core.RejectionReason;
import dev.zt.core.TokenRejectedException;
import dev.zt.core.VerificationKey;
import org.jose4j.jca.ProviderContext;
import org.jose4j.jws.JsonWebSignatureAlgorithm;
import org.jose4j.jwa.AlgorithmFactoryFactory;
import org.jose4j.lang.InvalidAlgorithmException;
import org.jose4j.lang.JoseException;

/**
 * The signature layer: verifies the signing input of a {@link CompactJws} with one key, using
 * jose4j's algorithm implementations (RSASSA-PKCS1-v1_5, RSASSA-PSS, ECDSA with the JOSE signature
 * encoding, EdDSA). The key must be bound to the algorithm: a key declared for RS256 never
 * verifies ES256, and no key verifies an algorithm outside the allow-list.
 */
public final class SignatureCheck {

    private static final ProviderContext PROVIDERS = new ProviderContext();

    private SignatureCheck() {
    }

    /** True if the signature verifies; false for a wrong signature, an unbound key or a malformed signature. */
    public static boolean verifies(CompactJws jws, String algorithm, VerificationKey key) {
        if (!key.allows(algorithm)) {
            return false;
        }
        try {
            JsonWebSignatureAlgorithm jwsAlgorithm =
                    AlgorithmFactoryFactory.getInstance().getJwsAlgorithmFactory().getAlgorithm(algorithm);
            jwsAlgorithm.validateVerificationKey(key.publicKey());
            return jwsAlgorithm.verifySignature(jws.signature(), key.publicKey(), jws.signingInput(), PROVIDERS);
        } catch (InvalidAlgorithmException e) {
            throw new TokenRejectedException(RejectionReason.DISALLOWED_ALGORITHM);
        } catch (JoseException | RuntimeException e) {
            return false;
        }
    }
}
