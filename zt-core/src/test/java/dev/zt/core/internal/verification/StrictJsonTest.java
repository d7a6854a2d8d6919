package dev.zt.core.internal.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jose4j.json.JsonUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StrictJsonTest {

    @Test
    void parseObjectWhenClaimSetThenTypedValues() {
        Map<String, Object> claims = StrictJson.parseObject("""
                {"iss":"https://idp","exp":1764763200,"nbf":1.5e9,"neg":-3,"big":123456789012345678901,
                 "ok":true,"no":false,"none":null,"aud":["a","b"],"act":{"sub":"svc","act":{"sub":"gw"}},
                 "esc":"a\\"b\\\\c\\/d\\n\\u00e9\\ud83d\\ude00","utf8":"é😀"}""");
        assertThat(claims.get("iss")).isEqualTo("https://idp");
        assertThat(claims.get("exp")).isEqualTo(1764763200L);
        assertThat(claims.get("nbf")).isEqualTo(1.5e9);
        assertThat(claims.get("neg")).isEqualTo(-3L);
        assertThat(claims.get("big")).isInstanceOf(Double.class);
        assertThat(claims.get("ok")).isEqualTo(true);
        assertThat(claims.get("no")).isEqualTo(false);
        assertThat(claims).containsKey("none");
        assertThat(claims.get("none")).isNull();
        assertThat(claims.get("aud")).isEqualTo(List.of("a", "b"));
        assertThat(((Map<?, ?>) ((Map<?, ?>) claims.get("act")).get("act")).get("sub")).isEqualTo("gw");
        assertThat(claims.get("esc")).isEqualTo("a\"b\\c/d\né\uD83D\uDE00");
        assertThat(claims.get("utf8")).isEqualTo("é😀");
    }

    @Test
    void parseObjectWhenResultThenUnmodifiable() {
        Map<String, Object> claims = StrictJson.parseObject("{\"a\":[1]}");
        assertThatThrownBy(() -> claims.put("b", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ((List<Object>) claims.get("a")).add(2)).isInstanceOf(UnsupportedOperationException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", " ", "[]", "\"s\"", "1", "null", "{", "}", "{\"a\":1", "{\"a\":1}x", "{\"a\":1}{}",
        "{\"a\":1,\"a\":2}", "{\"a\":{\"b\":1,\"b\":1}}", "{\"a\":null,\"a\":null}",
        "{\"a\":1,}", "{\"a\":[1,]}", "{,}", "{\"a\" 1}", "{\"a\":}", "{a:1}", "{'a':1}",
        "{\"a\":01}", "{\"a\":-01}", "{\"a\":1.}", "{\"a\":.5}", "{\"a\":1e}", "{\"a\":+1}", "{\"a\":-}",
        "{\"a\":NaN}", "{\"a\":Infinity}", "{\"a\":-Infinity}", "{\"a\":1e999}", "{\"a\":tru}", "{\"a\":nul}", "{\"a\":True}",
        "{\"a\":\"\u0001\"}", "{\"a\":\"tab\tinside\"}", "{\"a\":\"\\x41\"}", "{\"a\":\"\\u12\"}", "{\"a\":\"\\uZZZZ\"}",
        "{\"a\":\"\\ud800\"}", "{\"a\":\"\\udc00\"}", "{\"a\":\"\\ud800\\u0041\"}", "{\"a\":\"unterminated}",
        "{/*c*/\"a\":1}", "{\"a\":1}//c", "{\"a\":[1 2]}", "{\"a\":{\"b\":1}\"c\":2}"})
    void parseObjectWhenNotStrictJsonThenRefused(String text) {
        assertThatThrownBy(() -> StrictJson.parseObject(text)).isInstanceOf(StrictJson.MalformedJsonException.class);
    }

    @Test
    void parseObjectWhenLoneSurrogateCharacterThenRefused() {
        assertThatThrownBy(() -> StrictJson.parseObject("{\"a\":\"\uD800\"}")).isInstanceOf(StrictJson.MalformedJsonException.class);
        assertThatThrownBy(() -> StrictJson.parseObject("{\"a\":\"\uDC00x\"}")).isInstanceOf(StrictJson.MalformedJsonException.class);
    }

    @Test
    void parseObjectWhenNestedBeyondLimitThenRefusedWithoutStackOverflow() {
        String deep = "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000);
        assertThatThrownBy(() -> StrictJson.parseObject(deep)).isInstanceOf(StrictJson.MalformedJsonException.class);
        String arrays = "{\"a\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}";
        assertThatThrownBy(() -> StrictJson.parseObject(arrays)).isInstanceOf(StrictJson.MalformedJsonException.class);
        String withinLimit = "{\"a\":".repeat(StrictJson.MAX_DEPTH) + "1" + "}".repeat(StrictJson.MAX_DEPTH);
        assertThat(StrictJson.parseObject(withinLimit)).containsKey("a");
    }

    @Test
    void parseObjectWhenWhitespaceAroundThenAccepted() {
        assertThat(StrictJson.parseObject(" \t\r\n{ \"a\" : [ 1 , 2 ] } \n")).containsEntry("a", List.of(1L, 2L));
    }

    @Test
    void parseObjectWhenMessageThenNoInputEchoed() {
        assertThatThrownBy(() -> StrictJson.parseObject("{\"secret-value\":}")).message().doesNotContain("secret-value");
    }

    /** Same result as jose4j's general parser on 2,000 random well-formed claim sets. */
    @Test
    void parseObjectWhenWellFormedThenSameAsJose4j() throws Exception {
        Random random = new Random(42);
        for (int i = 0; i < 2_000; i++) {
            Map<String, Object> generated = randomObject(random, 0);
            String json = JsonUtil.toJson(generated);
            assertThat(StrictJson.parseObject(json)).as(json).isEqualTo(JsonUtil.parseJson(json));
        }
    }

    private static Map<String, Object> randomObject(Random random, int depth) {
        Map<String, Object> map = new LinkedHashMap<>();
        int members = random.nextInt(6);
        for (int i = 0; i < members; i++) {
            map.put("k" + i + randomString(random), randomValue(random, depth + 1));
        }
        return map;
    }

    private static Object randomValue(Random random, int depth) {
        switch (random.nextInt(depth > 3 ? 5 : 7)) {
            case 0:
                return randomString(random);
            case 1:
                return random.nextLong() >> random.nextInt(63);
            case 2:
                return random.nextBoolean();
            case 3:
                return null;
            case 4:
                return random.nextInt(100_000) / 8.0 + 0.5;
            case 5:
                return java.util.Arrays.asList(randomValue(random, depth + 1), randomValue(random, depth + 1));
            default:
                return randomObject(random, depth);
        }
    }

    private static String randomString(Random random) {
        String alphabet = "ab \"\\/\n\té😀:\u0001\u007f";
        StringBuilder sb = new StringBuilder();
        int length = random.nextInt(8);
        for (int i = 0; i < length; i++) {
            int at = random.nextInt(alphabet.length());
            char c = alphabet.charAt(at);
            if (Character.isHighSurrogate(c)) {
                sb.append(c).append(alphabet.charAt(at + 1));
            } else if (!Character.isLowSurrogate(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
