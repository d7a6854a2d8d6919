package dev.zt.devissuer;

import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jwk.Use;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.JoseException;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The issuer's signing keys and their life, driven by the injected clock (checked on every use,
 * so no timer thread and no sleeping in tests). Three kinds of key are published in the JWKS:
 * <ul>
 *   <li>the <b>next</b> key, published a whole rotation interval before it signs anything, so
 *       verifiers with a cached JWKS already know it when it becomes active;</li>
 *   <li>the <b>active</b> key, which signs every token;</li>
 *   <li><b>retired</b> keys, which signed until the last rotation and stay published for the
 *       overlap (at least the longest token lifetime), so no valid token fails verification.</li>
 * </ul>
 */
final class KeyRing {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SigningAlgorithm algorithm;
    private final Clock clock;
    private final Duration rotationInterval;
    private final Duration overlap;

    /** Generated on its own thread, so start-up waits for one key only; joined wherever it is needed. */
    private CompletableFuture<PublicJsonWebKey> next;
    private PublicJsonWebKey active;
    private Instant activeSince;
    private final Deque<Retired> retired = new ArrayDeque<>();

    private record Retired(PublicJsonWebKey key, Instant publishedUntil) {
    }

    KeyRing(SigningAlgorithm algorithm, Clock clock, Duration rotationInterval, Duration overlap) {
        this.algorithm = algorithm;
        this.clock = clock;
        this.rotationInterval = rotationInterval;
        this.overlap = overlap;
        this.active = generate();
        this.activeSince = clock.instant();
        this.next = generateInBackground();
    }

    SigningAlgorithm algorithm() {
        return algorithm;
    }

    /** The key to sign with now (rotating first if the interval has passed). */
    synchronized PublicJsonWebKey signingKey() {
        maintain();
        return active;
    }

    synchronized void rotateNow() {
        rotate(clock.instant());
        maintain();
    }

    /** The public JWKS: next, active and retired keys still in their overlap. Never private members. */
    synchronized String jwksJson() {
        maintain();
        List<JsonWebKey> published = new ArrayList<>();
        published.add(active);
        published.add(next.join());
        retired.forEach(r -> published.add(r.key()));
        return new JsonWebKeySet(published).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }

    synchronized String activeKeyId() {
        maintain();
        return active.getKeyId();
    }

    synchronized List<String> publishedKeyIds() {
        maintain();
        List<String> ids = new ArrayList<>();
        ids.add(active.getKeyId());
        ids.add(next.join().getKeyId());
        retired.forEach(r -> ids.add(r.key().getKeyId()));
        return List.copyOf(ids);
    }

    private void maintain() {
        Instant now = clock.instant();
        if (!now.isBefore(activeSince.plus(rotationInterval))) {
            rotate(now); // however long the clock jumped, one rotation: intermediate keys would sign nothing
        }
        while (!retired.isEmpty() && !now.isBefore(retired.peekFirst().publishedUntil())) {
            IssuerLog.dropped(retired.removeFirst().key().getKeyId());
        }
    }

    private void rotate(Instant now) {
        Retired old = new Retired(active, now.plus(overlap));
        retired.addLast(old);
        active = next.join();
        activeSince = now;
        next = generateInBackground();
        IssuerLog.rotated(active.getKeyId(), old.key().getKeyId(), old.publishedUntil());
    }

    private CompletableFuture<PublicJsonWebKey> generateInBackground() {
        CompletableFuture<PublicJsonWebKey> key = new CompletableFuture<>();
        Thread generator = new Thread(() -> {
            try {
                key.complete(generate());
            } catch (RuntimeException e) {
                key.completeExceptionally(e);
            }
        }, "zt-dev-issuer-keygen");
        generator.setDaemon(true);
        generator.start();
        return key;
    }

    private PublicJsonWebKey generate() {
        try {
            PublicJsonWebKey key = switch (algorithm) {
                case RS256 -> RsaJwkGenerator.generateJwk(2048);
                case ES256 -> EcJwkGenerator.generateJwk(EllipticCurves.P256);
            };
            key.setKeyId(newKeyId());
            key.setUse(Use.SIGNATURE);
            key.setAlgorithm(algorithm.name());
            return key;
        } catch (JoseException e) {
            throw new IllegalStateException("ZT-8005 cannot generate a " + algorithm + " key: " + e.getMessage(), e);
        }
    }

    private static String newKeyId() {
        byte[] bytes = new byte[9];
        RANDOM.nextBytes(bytes);
        return "zt-dev-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
