package dev.zt.core.internal.verification;

import dev.zt.core.RejectionReason;
import dev.zt.core.TokenRejectedException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Parses a decoded segment into a JSON object: strict UTF-8, then {@link StrictJson}. */
final class JsonObjects {

    private JsonObjects() {
    }

    static Map<String, Object> parse(byte[] utf8, RejectionReason onFailure) {
        String json;
        try {
            json = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(utf8))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new TokenRejectedException(onFailure, "not UTF-8");
        }
        if (json.isEmpty() || json.charAt(0) != '{') {
            throw new TokenRejectedException(onFailure, "not a JSON object");
        }
        try {
            return StrictJson.parseObject(json);
        } catch (StrictJson.MalformedJsonException e) {
            throw new TokenRejectedException(onFailure, "not strict JSON: " + e.getMessage());
        }
    }
}
