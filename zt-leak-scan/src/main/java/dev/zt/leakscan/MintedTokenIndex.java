package dev.zt.leakscan;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The secret parts of every registered token, indexed for a scan in one pass.
 *
 * <p>What counts as a leak. A compact JWS is {@code HEADER.PAYLOAD.SIGNATURE}. The header segment is
 * shared by every token of one key and algorithm (and is printed on purpose, e.g. in JWKS or test
 * names): it is not indexed. The payload is the claims, which the audit trail logs in decoded form
 * anyway (subject, tenant, jti) and which is no credential without its signature: not indexed on
 * its own. The signature segment is unique to the token and is what makes the claims a bearer
 * credential: it is the secret. So the whole token, the {@code PAYLOAD.SIGNATURE} tail and the
 * signature alone are all reported, because each holds the signature. A JWS with an empty signature
 * ({@code alg: none}) is no credential and is not indexed. A registered value that is not a JWS
 * with a signature (an opaque token) is secret as a whole: each of its base64url runs of at least
 * {@value #MIN_RUN} characters is indexed.
 *
 * <p>A secret is found wherever its characters appear inside a base64url run of the output, also
 * glued to other base64url characters, through a rolling hash of its first {@value #MIN_RUN}
 * characters; a candidate is then compared character by character.
 */
public final class MintedTokenIndex {

    /** The shortest base64url run the scan looks at; every real signature is longer (HS256: 43). */
    public static final int MIN_RUN = 16;

    private static final long BASE = 1_000_003L;
    private static final long TOP_POWER = power(BASE, MIN_RUN - 1);
    private static final Pattern JTI = Pattern.compile("\"jti\"\\s*:\\s*\"([A-Za-z0-9_-]{" + MIN_RUN + ",})\"");

    /** One indexed secret: the characters to find and the token they belong to. */
    record Secret(String value, String token, int offsetInToken, boolean jws, String fingerprint, String mintedBy) {
    }

    private final Map<Long, List<Secret>> byFirstWindow = new HashMap<>();
    private final Set<String> tokenIds = new HashSet<>();
    private final Set<String> tokens = new HashSet<>();

    private MintedTokenIndex() {
    }

    /** An index of {@code tokens}, each mapped to the module that registered it. */
    public static MintedTokenIndex of(Map<String, String> tokensToModule) {
        MintedTokenIndex index = new MintedTokenIndex();
        tokensToModule.forEach(index::add);
        return index;
    }

    private void add(String token, String mintedBy) {
        if (token.isBlank() || !tokens.add(token)) {
            return;
        }
        String fingerprint = Fingerprint.of(token);
        String[] parts = token.split("\\.", -1);
        boolean jws = parts.length == 3;
        if (jws && parts[2].isEmpty()) {
            return; // alg none: no signature, no credential
        }
        int from = jws ? token.lastIndexOf('.') + 1 : 0;
        if (jws) {
            tokenId(parts[1]);
        }
        int start = -1;
        for (int i = from; i <= token.length(); i++) {
            boolean b64 = i < token.length() && isBase64Url(token.charAt(i));
            if (b64 && start < 0) {
                start = i;
            } else if (!b64 && start >= 0) {
                if (i - start >= MIN_RUN) {
                    Secret secret = new Secret(token.substring(start, i), token, start, jws, fingerprint, mintedBy);
                    byFirstWindow.computeIfAbsent(hash(secret.value(), 0), k -> new ArrayList<>(1)).add(secret);
                }
                start = -1;
            }
        }
    }

    private void tokenId(String payload) {
        try {
            String claims = new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8);
            Matcher m = JTI.matcher(claims);
            if (m.find()) {
                tokenIds.add(m.group(1));
            }
        } catch (IllegalArgumentException e) {
            // a hostile test's payload that is not base64url: no jti to look for
        }
    }

    /** How many distinct tokens were registered (including unsigned ones, which are not indexed). */
    public int tokenCount() {
        return tokens.size();
    }

    /** How many secrets are indexed. */
    public int secretCount() {
        return byFirstWindow.values().stream().mapToInt(List::size).sum();
    }

    boolean isTokenId(CharSequence line, int start, int end) {
        return end - start <= 64 && tokenIds.contains(line.subSequence(start, end).toString());
    }

    /** Calls {@code found} for every secret that appears inside {@code line[start, end)}, a base64url run. */
    void find(String line, int start, int end, SecretConsumer found) {
        if (end - start < MIN_RUN) {
            return;
        }
        long hash = hash(line, start);
        for (int i = start; ; i++) {
            List<Secret> candidates = byFirstWindow.get(hash);
            if (candidates != null) {
                for (Secret s : candidates) {
                    if (i + s.value().length() <= end && line.startsWith(s.value(), i)) {
                        found.accept(s, i);
                    }
                }
            }
            if (i + MIN_RUN >= end) {
                return;
            }
            hash = (hash - line.charAt(i) * TOP_POWER) * BASE + line.charAt(i + MIN_RUN);
        }
    }

    /** Receives a secret found at an offset of the scanned line. */
    interface SecretConsumer {
        void accept(Secret secret, int at);
    }

    static boolean isBase64Url(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }

    private static long hash(String s, int from) {
        long h = 0;
        for (int i = from; i < from + MIN_RUN; i++) {
            h = h * BASE + s.charAt(i);
        }
        return h;
    }

    private static long power(long base, int exponent) {
        long p = 1;
        for (int i = 0; i < exponent; i++) {
            p *= base;
        }
        return p;
    }
}
