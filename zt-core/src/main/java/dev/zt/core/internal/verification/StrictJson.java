package dev.zt.core.internal.verification;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict RFC 8259 reader for the two small JSON objects of a JWS (header and claims): one pass
 * over the text, no lexer buffers, no intermediate tokens. Strict where general parsers are lenient:
 * the text must be exactly one object; member names are unique at every level (RFC 7515 4 / RFC
 * 7519 4 say a JOSE header or claim set with duplicate names must be refused or is ambiguous); no
 * comments, trailing commas, single quotes, leading zeros, {@code NaN}/{@code Infinity}, raw control
 * characters, unknown escapes or lone surrogates; nesting at most {@value #MAX_DEPTH} deep.
 *
 * <p>Values: {@link String}, {@link Long} (integers that fit), {@link Double} (other numbers),
 * {@link Boolean}, {@code null}, {@link List} and {@link Map} (insertion-ordered), all unmodifiable.
 */
public final class StrictJson {

    /** Thrown for any text that is not a strict JSON object; carries no part of the input. */
    public static final class MalformedJsonException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MalformedJsonException(String what, int position) {
            super(what + " at offset " + position, null, false, false);
        }
    }

    static final int MAX_DEPTH = 32;

    private final String text;
    private int pos;

    private StrictJson(String text) {
        this.text = text;
    }

    /** Parses {@code text}, which must be one JSON object with optional surrounding whitespace. */
    public static Map<String, Object> parseObject(String text) {
        StrictJson reader = new StrictJson(text);
        reader.skipWhitespace();
        if (reader.peek() != '{') {
            throw reader.error("not a JSON object");
        }
        Map<String, Object> object = reader.readObject(1);
        reader.skipWhitespace();
        if (reader.pos != text.length()) {
            throw reader.error("text after the object");
        }
        return object;
    }

    private Object readValue(int depth) {
        skipWhitespace();
        char c = peek();
        switch (c) {
            case '{':
                return readObject(depth + 1);
            case '[':
                return readArray(depth + 1);
            case '"':
                return readString();
            case 't':
                expectWord("true");
                return Boolean.TRUE;
            case 'f':
                expectWord("false");
                return Boolean.FALSE;
            case 'n':
                expectWord("null");
                return null;
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return readNumber();
                }
                throw error("unexpected character");
        }
    }

    private Map<String, Object> readObject(int depth) {
        if (depth > MAX_DEPTH) {
            throw error("nested too deeply");
        }
        pos++; // '{'
        Map<String, Object> members = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            return Collections.unmodifiableMap(members);
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error("expected a member name");
            }
            String name = readString();
            skipWhitespace();
            expect(':');
            Object value = readValue(depth);
            if (members.containsKey(name)) {
                throw error("duplicate member name");
            }
            members.put(name, value);
            skipWhitespace();
            char c = next();
            if (c == '}') {
                return Collections.unmodifiableMap(members);
            }
            if (c != ',') {
                throw error("expected ',' or '}'");
            }
        }
    }

    private List<Object> readArray(int depth) {
        if (depth > MAX_DEPTH) {
            throw error("nested too deeply");
        }
        pos++; // '['
        List<Object> values = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            return Collections.unmodifiableList(values);
        }
        while (true) {
            values.add(readValue(depth));
            skipWhitespace();
            char c = next();
            if (c == ']') {
                return Collections.unmodifiableList(values);
            }
            if (c != ',') {
                throw error("expected ',' or ']'");
            }
        }
    }

    private String readString() {
        pos++; // opening quote
        int start = pos;
        // Fast path: no escapes.
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '"') {
                return text.substring(start, pos++);
            }
            if (c == '\\') {
                break;
            }
            checkStringChar(c);
            pos++;
        }
        StringBuilder sb = new StringBuilder(text.length() - start).append(text, start, pos);
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '"') {
                return sb.toString();
            }
            if (c != '\\') {
                if (c < 0x20) {
                    throw error("control character in a string");
                }
                if (Character.isHighSurrogate(c) && pos < text.length() && Character.isLowSurrogate(text.charAt(pos))) {
                    sb.append(c).append(text.charAt(pos++));
                } else if (Character.isSurrogate(c)) {
                    throw error("lone surrogate");
                } else {
                    sb.append(c);
                }
                continue;
            }
            char e = next();
            switch (e) {
                case '"', '\\', '/' -> sb.append(e);
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    char u = readHex4();
                    if (Character.isHighSurrogate(u)) {
                        if (pos + 6 > text.length() || text.charAt(pos) != '\\' || text.charAt(pos + 1) != 'u') {
                            throw error("lone surrogate");
                        }
                        pos += 2;
                        char low = readHex4();
                        if (!Character.isLowSurrogate(low)) {
                            throw error("lone surrogate");
                        }
                        sb.append(u).append(low);
                    } else if (Character.isLowSurrogate(u)) {
                        throw error("lone surrogate");
                    } else {
                        sb.append(u);
                    }
                }
                default -> throw error("unknown escape");
            }
        }
        throw error("unterminated string");
    }

    private void checkStringChar(char c) {
        if (c < 0x20) {
            throw error("control character in a string");
        }
        if (Character.isSurrogate(c)) {
            // A decoded UTF-8 text has only paired surrogates; verify the pair.
            if (Character.isHighSurrogate(c) && pos + 1 < text.length() && Character.isLowSurrogate(text.charAt(pos + 1))) {
                pos++;
                return;
            }
            throw error("lone surrogate");
        }
    }

    private char readHex4() {
        if (pos + 4 > text.length()) {
            throw error("short unicode escape");
        }
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(text.charAt(pos++), 16);
            if (digit < 0) {
                throw error("bad unicode escape");
            }
            value = value << 4 | digit;
        }
        return (char) value;
    }

    private Object readNumber() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
            if (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                throw error("leading zero");
            }
        } else {
            digits();
        }
        boolean integer = true;
        if (pos < text.length() && text.charAt(pos) == '.') {
            integer = false;
            pos++;
            digits();
        }
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            integer = false;
            pos++;
            if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                pos++;
            }
            digits();
        }
        String number = text.substring(start, pos);
        if (integer) {
            if (number.length() <= 18) {
                return Long.parseLong(number);
            }
            BigInteger big = new BigInteger(number);
            return big.bitLength() < 64 ? (Object) big.longValue() : (Object) big.doubleValue();
        }
        double value = new BigDecimal(number).doubleValue();
        if (Double.isInfinite(value)) {
            throw error("number out of range");
        }
        return value;
    }

    private void digits() {
        int start = pos;
        while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
            pos++;
        }
        if (pos == start) {
            throw error("expected a digit");
        }
    }

    private void expectWord(String word) {
        if (!text.startsWith(word, pos)) {
            throw error("unexpected literal");
        }
        pos += word.length();
    }

    private void expect(char c) {
        if (next() != c) {
            throw error("expected '" + c + "'");
        }
    }

    private char peek() {
        if (pos >= text.length()) {
            throw error("unexpected end");
        }
        return text.charAt(pos);
    }

    private char next() {
        char c = peek();
        pos++;
        return c;
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private MalformedJsonException error(String what) {
        return new MalformedJsonException(what, pos);
    }
}
