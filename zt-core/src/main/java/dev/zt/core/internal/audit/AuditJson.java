package dev.zt.core.internal.audit;

import dev.zt.core.AuditEvent;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * The JSON form of an {@link AuditEvent}: fields in a fixed order, absent ones omitted, every string
 * escaped so the result is one line of valid JSON whatever the values hold (quotes, backslashes,
 * control characters, line separators, lone surrogates).
 */
public final class AuditJson {

    private AuditJson() {
    }

    public static String write(AuditEvent e) {
        StringBuilder out = new StringBuilder(256).append('{');
        field(out, "time", DateTimeFormatter.ISO_INSTANT.format(e.time()));
        field(out, "layer", e.layer().name());
        field(out, "outcome", e.outcome().name());
        field(out, "reason", e.reason());
        field(out, "actorSubject", e.actorSubject());
        field(out, "actorKind", e.actorKind().map(Enum::name));
        field(out, "actorTenant", e.actorTenant());
        if (!e.delegation().isEmpty()) {
            array(out, "delegation", e.delegation());
        }
        field(out, "purpose", e.purpose());
        field(out, "clientId", e.clientId());
        field(out, "tokenId", e.tokenId());
        field(out, "action", e.action());
        field(out, "target", e.target());
        field(out, "detail", e.detail());
        field(out, "requestId", e.requestId());
        field(out, "traceId", e.traceId());
        field(out, "remoteAddress", e.remoteAddress());
        return out.append('}').toString();
    }

    private static void field(StringBuilder out, String name, Optional<String> value) {
        value.ifPresent(v -> field(out, name, v));
    }

    private static void field(StringBuilder out, String name, String value) {
        separator(out);
        string(out, name);
        out.append(':');
        string(out, value);
    }

    private static void array(StringBuilder out, String name, List<String> values) {
        separator(out);
        string(out, name);
        out.append(":[");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            string(out, values.get(i));
        }
        out.append(']');
    }

    private static void separator(StringBuilder out) {
        if (out.length() > 1) {
            out.append(',');
        }
    }

    /** A JSON string literal of {@code s} (RFC 8259 section 7), safe on one log line. */
    public static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029' || loneSurrogate(s, i)) {
                        unicode(out, c);
                    } else {
                        out.append(c);
                        if (Character.isHighSurrogate(c)) {
                            out.append(s.charAt(++i)); // the low half of a valid pair
                        }
                    }
                }
            }
        }
        out.append('"');
    }

    private static boolean loneSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        return Character.isLowSurrogate(c); // a low half not consumed by its high half is alone
    }

    private static void unicode(StringBuilder out, char c) {
        out.append("\\u");
        String hex = Integer.toHexString(c);
        out.append("0".repeat(4 - hex.length())).append(hex);
    }
}
