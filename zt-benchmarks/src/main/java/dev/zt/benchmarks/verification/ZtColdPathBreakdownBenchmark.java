package dev.zt.benchmarks.verification;

import dev.zt.core.Actor;
import dev.zt.core.Jwks;
import dev.zt.core.KeySource;
import dev.zt.core.TokenPolicy;
import dev.zt.core.VerificationKey;
import dev.zt.core.internal.cache.TokenDigest;
import dev.zt.core.internal.verification.ActorMapping;
import dev.zt.core.internal.verification.CompactJws;
import dev.zt.core.internal.verification.JoseHeader;
import dev.zt.core.internal.verification.SignatureCheck;
import dev.zt.core.testing.TestKeys;
import dev.zt.core.testing.TestTokens;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jose4j.json.JsonUtil;
import org.jose4j.json.internal.json_simple.parser.ContainerFactory;
import org.jose4j.json.internal.json_simple.parser.JSONParser;
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
 * The steps of {@code JoseTokenVerifier.verify} (cache off) one by one, to tell what costs what
 * beyond the signature. Diagnostic, not a target: run with {@code -prof gc}.
 *
 * <ul>
 *   <li>{@code a_split}: {@code CompactJws.parse} (strict split and base64url decode)</li>
 *   <li>{@code b_header}: {@code JoseHeader.parse} + {@code requireType} (strict UTF-8 + jose4j JSON parse + policy)</li>
 *   <li>{@code c_keyLookup}: {@code KeySource.keysFor} of a {@code Jwks.fromJson} source</li>
 *   <li>{@code d_signature}: {@code SignatureCheck.verifies} (jose4j's algorithm, JCA underneath)</li>
 *   <li>{@code e_claimsJson}: what {@code JsonObjects.parse} does with the payload: strict UTF-8 decode
 *       then {@code JsonUtil.parseJson}</li>
 *   <li>{@code f_actorMapping}: {@code ActorMapping.toActor} of the parsed claims</li>
 *   <li>{@code g_cacheDigest}: {@code TokenDigest.of}, the SHA-256 cache key every call computes when the
 *       cache is on (the floor of a cache hit)</li>
 *   <li>{@code jsonParseJose4j} / {@code jsonParseReusedParser}: the payload JSON alone, with
 *       {@code JsonUtil.parseJson} (a new {@code JSONParser}, hence a new 16 K-char lexer buffer, per
 *       call) and with one {@code JSONParser} reused by the thread and a duplicate-refusing map: the
 *       effect of the change proposed in the README.</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(2)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 4, time = 1)
@State(Scope.Thread)
public class ZtColdPathBreakdownBenchmark {

    @Param({"RS256"})
    public String alg;

    private String token;
    private TokenPolicy policy;
    private KeySource keys;
    private CompactJws jws;
    private JoseHeader header;
    private VerificationKey key;
    private String payloadJson;
    private Map<String, Object> claims;
    private final Clock clock = Clock.systemUTC();
    private final JSONParser reusedParser = new JSONParser();

    /** Like jose4j's own container factory: an ordered map that refuses a repeated member name. */
    private static final ContainerFactory STRICT_CONTAINERS = new ContainerFactory() {
        @Override
        public Map createObjectContainer() {
            return new LinkedHashMap<String, Object>() {
                @Override
                public Object put(String name, Object value) {
                    if (containsKey(name)) {
                        throw new IllegalArgumentException("repeated member name");
                    }
                    return super.put(name, value);
                }
            };
        }

        @Override
        public List creatArrayContainer() {
            return new java.util.ArrayList<Object>();
        }
    };

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        TestKeys.TestKey testKey = switch (alg) {
            case "RS256" -> TestKeys.RS256;
            case "PS256" -> TestKeys.PS256;
            case "ES256" -> TestKeys.ES256;
            case "EdDSA" -> TestKeys.EDDSA;
            default -> throw new IllegalArgumentException(alg);
        };
        Instant now = clock.instant();
        token = TestTokens.valid().signedWith(testKey).issuedAt(now).expiresAt(now.plus(Duration.ofMinutes(55))).sign();
        policy = TokenPolicy.forIssuer(TestTokens.ISSUER).audience(TestTokens.AUDIENCE).build();
        keys = Jwks.fromJson(TestKeys.jwks());
        jws = a_split();
        header = b_header();
        key = c_keyLookup();
        payloadJson = jws.payloadJson();
        claims = e_claimsJson();
        if (!d_signature() || !"alice".equals(f_actorMapping().subject())
                || !jsonParseJose4j().equals(jsonParseReusedParser())) {
            throw new IllegalStateException("a step did not accept the benchmark token");
        }
    }

    @Benchmark
    public CompactJws a_split() {
        return CompactJws.parse(token, policy.maxTokenBytes());
    }

    @Benchmark
    public JoseHeader b_header() {
        JoseHeader parsed = JoseHeader.parse(jws.header(), policy.algorithms());
        parsed.requireType(policy);
        return parsed;
    }

    @Benchmark
    public VerificationKey c_keyLookup() {
        return keys.keysFor(header.kid(), header.algorithm()).get(0);
    }

    @Benchmark
    public boolean d_signature() {
        return SignatureCheck.verifies(jws, header.algorithm(), key);
    }

    @Benchmark
    public Map<String, Object> e_claimsJson() throws Exception {
        String json = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(jws.payload()))
                .toString();
        return JsonUtil.parseJson(json);
    }

    @Benchmark
    public Actor f_actorMapping() {
        return ActorMapping.toActor(claims, policy, clock.instant());
    }

    @Benchmark
    public TokenDigest g_cacheDigest() {
        return TokenDigest.of(token);
    }

    @Benchmark
    public Map<String, Object> jsonParseJose4j() throws Exception {
        return JsonUtil.parseJson(payloadJson);
    }

    @Benchmark
    @SuppressWarnings("unchecked")
    public Map<String, Object> jsonParseReusedParser() throws Exception {
        return (Map<String, Object>) reusedParser.parse(payloadJson, STRICT_CONTAINERS);
    }
}
