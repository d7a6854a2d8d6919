package dev.zt.client;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

/**
 * {@code application/x-www-form-urlencoded} (the {@link java.net.URLEncoder} alphabet), for the
 * request body and for the HTTP Basic client credentials of RFC 6749 section 2.3.1. Works on
 * {@code char[]} so the secret never becomes a {@code String} except inside the header value;
 * intermediate byte arrays holding it are wiped.
 */
final class FormEncoding {

    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

    private FormEncoding() {
    }

    /** {@code k1=v1&k2=v2} in the map's iteration order; null values are left out. */
    static String form(Map<String, String> parameters) {
        StringBuilder body = new StringBuilder();
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            if (parameter.getValue() == null) {
                continue;
            }
            if (body.length() > 0) {
                body.append('&');
            }
            body.append(encode(parameter.getKey())).append('=').append(encode(parameter.getValue()));
        }
        return body.toString();
    }

    static String encode(String value) {
        return new String(encode(CharBuffer.wrap(value)), StandardCharsets.US_ASCII);
    }

    /** {@code Basic base64(form(clientId) ":" form(secret))}; wipes every intermediate copy of the secret. */
    static String basicCredentials(String clientId, char[] secret) {
        byte[] id = encode(CharBuffer.wrap(clientId));
        byte[] password = encode(CharBuffer.wrap(secret));
        byte[] joined = new byte[id.length + 1 + password.length];
        try {
            System.arraycopy(id, 0, joined, 0, id.length);
            joined[id.length] = ':';
            System.arraycopy(password, 0, joined, id.length + 1, password.length);
            return "Basic " + Base64.getEncoder().encodeToString(joined);
        } finally {
            Arrays.fill(password, (byte) 0);
            Arrays.fill(joined, (byte) 0);
        }
    }

    private static byte[] encode(CharBuffer chars) {
        CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer utf8;
        try {
            utf8 = encoder.encode(chars);
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("ZT-7106 a form value is not valid UTF-16 text");
        }
        byte[] out = new byte[utf8.remaining() * 3];
        int length = 0;
        try {
            while (utf8.hasRemaining()) {
                byte b = utf8.get();
                if (b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
                        || b == '-' || b == '.' || b == '_' || b == '*') {
                    out[length++] = b;
                } else if (b == ' ') {
                    out[length++] = '+';
                } else {
                    out[length++] = '%';
                    out[length++] = HEX[(b >> 4) & 0xF];
                    out[length++] = HEX[b & 0xF];
                }
            }
            return Arrays.copyOf(out, length);
        } finally {
            Arrays.fill(out, (byte) 0);
            if (utf8.hasArray()) {
                Arrays.fill(utf8.array(), (byte) 0);
            }
        }
    }
}
