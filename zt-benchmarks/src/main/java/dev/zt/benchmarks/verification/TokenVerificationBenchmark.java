package dev.zt.benchmarks.verification;

import dev.zt.core.Actor;
import dev.zt.core.Jwks;
import dev.zt.core.KeySource;
import dev.zt.core.TokenPolicy;
import dev.zt.core.TokenVerifier;
import dev.zt.core.testing.FixedKeySource;
import dev.zt.core.testing.TestKeys;
import dev.zt.core.testing.TestTokens;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * zt-core's {@link TokenVerifier} against the bare signature check of the same token and against
 * jose4j's {@link JwtConsumer}, per algorithm (issue 2, "Speed"). See zt-core/README.md, "Performance".
 *
 * <ul>
 *   <li>{@code raw}: the least any verifier must do for this signature: find the last dot, take the
 *       token's bytes, base64url-decode the signature segment, (ES256) convert R||S to DER, then
 *       {@code Signature.getInstance + initVerify (+ setParameter for PS256) + update(signing input) + verify}.
 *       The key is already parsed.</li>
 *   <li>{@code rawPredecoded}: the same without the decode and DER conversion (signature bytes and
 *       signing input prepared in setup): how much of {@code raw} is JCA alone.</li>
 *   <li>{@code ztCold}: {@code TokenVerifier} with {@code cacheEntries(0)}: the full path every time.</li>
 *   <li>{@code jose4jJwtConsumer}: jose4j alone with equivalent checks, as a peer reference.</li>
 *   <li>{@code ztCacheHitSameString} / {@code ztCacheHitFreshCopy}: the cache on, token verified in
 *       setup; the same String instance, or a fresh equal String per op (as each request brings),
 *       whose own cost is {@code freshCopyOnly}.</li>
 * </ul>
 *
 * Run: {@code java -jar zt-benchmarks/target/zt-benchmarks.jar TokenVerificationBenchmark}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class TokenVerificationBenchmark {

    @Param({"RS256", "PS256", "ES256", "EdDSA"})
    public String alg;

    /** {@code jwks}: {@code Jwks.fromJson(TestKeys.jwks())}, as in production; {@code fixed}: the FixedKeySource test double. */
    @Param({"jwks"})
    public String keySource;

    // raw
    private String token;
    private String jcaAlgorithm;
    private PSSParameterSpec pss;
    private boolean joseEcdsa;
    private PublicKey publicKey;
    private final Base64.Decoder base64Url = Base64.getUrlDecoder();
    // rawPredecoded
    private byte[] signingInput;
    private byte[] jcaSignature;
    // zt and jose4j
    private TokenVerifier coldVerifier;
    private TokenVerifier cachingVerifier;
    private JwtConsumer jwtConsumer;
    // fresh copies
    private byte[] tokenLatin1;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        TestKeys.TestKey key = switch (alg) {
            case "RS256" -> TestKeys.RS256;
            case "PS256" -> TestKeys.PS256;
            case "ES256" -> TestKeys.ES256;
            case "EdDSA" -> TestKeys.EDDSA;
            default -> throw new IllegalArgumentException(alg);
        };
        Instant now = Clock.systemUTC().instant();
        // The default policy caps exp - iat at 1 h; 55 min outlives any run of this benchmark.
        token = TestTokens.valid().signedWith(key).issuedAt(now).expiresAt(now.plus(Duration.ofMinutes(55))).sign();
        tokenLatin1 = token.getBytes(StandardCharsets.ISO_8859_1);
        publicKey = key.publicKey();
        switch (alg) {
            case "RS256" -> jcaAlgorithm = "SHA256withRSA";
            case "PS256" -> {
                jcaAlgorithm = "RSASSA-PSS";
                pss = new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1);
            }
            case "ES256" -> {
                jcaAlgorithm = "SHA256withECDSA";
                joseEcdsa = true;
            }
            default -> jcaAlgorithm = "EdDSA";
        }
        int dot = token.lastIndexOf('.');
        signingInput = token.substring(0, dot).getBytes(StandardCharsets.US_ASCII);
        byte[] jose = base64Url.decode(token.substring(dot + 1));
        jcaSignature = joseEcdsa ? JoseEcdsa.toDer(jose) : jose;

        KeySource keys = switch (keySource) {
            case "jwks" -> Jwks.fromJson(TestKeys.jwks());
            case "fixed" -> FixedKeySource.of(TestKeys.RS256, TestKeys.PS256, TestKeys.ES256, TestKeys.EDDSA);
            default -> throw new IllegalArgumentException("keySource " + keySource);
        };
        TokenPolicy policy = TokenPolicy.forIssuer(TestTokens.ISSUER).audience(TestTokens.AUDIENCE).build();
        coldVerifier = TokenVerifier.builder(policy, keys).clock(Clock.systemUTC()).cacheEntries(0).build();
        cachingVerifier = TokenVerifier.builder(policy, keys).clock(Clock.systemUTC()).build();

        jwtConsumer = new JwtConsumerBuilder()
                .setVerificationKey(publicKey)
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, alg)
                .setExpectedType(true, "at+jwt")
                .setExpectedIssuer(TestTokens.ISSUER)
                .setExpectedAudience(TestTokens.AUDIENCE)
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .setRequireSubject()
                .setRequireJwtId()
                .setAllowedClockSkewInSeconds(30)
                .setMaxFutureValidityInMinutes(60)
                .build();

        // Every path must accept the token, or the figures mean nothing.
        check(raw(), "raw");
        check(rawPredecoded(), "rawPredecoded");
        check("alice".equals(ztCold().subject()), "ztCold");
        check("alice".equals(jose4jJwtConsumer().getSubject()), "jose4jJwtConsumer");
        check("alice".equals(cachingVerifier.verify(token).subject()), "first verification");
        check(ztCacheHitSameString() == ztCacheHitFreshCopy(), "cache hit");
        check(freshCopyOnly() != token && freshCopyOnly().equals(token), "fresh copy");
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException(what + " did not accept the benchmark token");
        }
    }

    @Benchmark
    public boolean raw() throws GeneralSecurityException {
        String t = token;
        int dot = t.lastIndexOf('.');
        byte[] ascii = t.getBytes(StandardCharsets.US_ASCII);
        byte[] signature = base64Url.decode(Arrays.copyOfRange(ascii, dot + 1, ascii.length));
        if (joseEcdsa) {
            signature = JoseEcdsa.toDer(signature);
        }
        Signature verifier = Signature.getInstance(jcaAlgorithm);
        verifier.initVerify(publicKey);
        if (pss != null) {
            verifier.setParameter(pss);
        }
        verifier.update(ascii, 0, dot);
        return verifier.verify(signature);
    }

    @Benchmark
    public boolean rawPredecoded() throws GeneralSecurityException {
        Signature verifier = Signature.getInstance(jcaAlgorithm);
        verifier.initVerify(publicKey);
        if (pss != null) {
            verifier.setParameter(pss);
        }
        verifier.update(signingInput);
        return verifier.verify(jcaSignature);
    }

    @Benchmark
    public Actor ztCold() {
        return coldVerifier.verify(token);
    }

    @Benchmark
    public JwtClaims jose4jJwtConsumer() throws InvalidJwtException {
        return jwtConsumer.processToClaims(token);
    }

    @Benchmark
    public Actor ztCacheHitSameString() {
        return cachingVerifier.verify(token);
    }

    @Benchmark
    public Actor ztCacheHitFreshCopy() {
        return cachingVerifier.verify(new String(tokenLatin1, StandardCharsets.ISO_8859_1));
    }

    @Benchmark
    public String freshCopyOnly() {
        return new String(tokenLatin1, StandardCharsets.ISO_8859_1);
    }
}
