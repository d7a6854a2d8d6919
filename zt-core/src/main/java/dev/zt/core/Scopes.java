package dev.zt.core;

/** RFC 6749 section 3.3 scope syntax. */
public final class Scopes {

    private Scopes() {
    }

    /**
     * True for a non-empty RFC 6749 {@code scope-token}: {@code %x21 / %x23-5B / %x5D-7E}, so no
     * space, no double quote, no backslash and nothing outside printable ASCII.
     */
    public static boolean isValidScopeToken(String scope) {
        if (scope == null || scope.isEmpty() || scope.length() > 256) {
            return false;
        }
        for (int i = 0; i < scope.length(); i++) {
            char c = scope.charAt(i);
            if (c < 0x21 || c > 0x7E || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }
}
