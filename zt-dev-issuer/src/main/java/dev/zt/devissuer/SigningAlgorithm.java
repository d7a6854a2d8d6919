package dev.zt.devissuer;

/** The JWS algorithm the development issuer signs with; both are in zt's default allow-list. */
public enum SigningAlgorithm {
    /** RSASSA-PKCS1-v1_5 with SHA-256 over a freshly generated 2048-bit RSA key. The default. */
    RS256,
    /** ECDSA with SHA-256 over a freshly generated P-256 key. */
    ES256
}
