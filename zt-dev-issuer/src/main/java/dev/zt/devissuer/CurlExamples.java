package dev.zt.devissuer;

import dev.zt.core.Actor;
import dev.zt.core.Scopes;

import java.net.URI;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Objects;

/**
 * Ready-to-paste shell lines for a newcomer: fetch a token for a user of each of two tenants from
 * {@code /dev/tokens}, then call the app with each. The lines hold no token (a printed token
 * would expire within minutes): they fetch a fresh one each time they are run.
 */
final class CurlExamples {

    private CurlExamples() {
    }

    static String render(URI devTokens, URI resource, String audience, Collection<String> scopes, String tenantA,
                         String tenantB) {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(audience, "audience");
        for (String tenant : Arrays.asList(tenantA, tenantB)) {
            if (tenant == null || !Actor.TENANT_PATTERN.matcher(tenant).matches()) {
                throw new IllegalArgumentException("ZT-8008 tenant must match " + Actor.TENANT_PATTERN.pattern());
            }
        }
        for (String scope : scopes) {
            if (scope == null || !Scopes.isValidScopeToken(scope)) {
                throw new IllegalArgumentException("ZT-8008 '" + scope + "' is not an RFC 6749 scope token");
            }
        }
        String scope = String.join(" ", scopes);
        StringBuilder out = new StringBuilder()
                .append("# zt development issuer (DEVELOPMENT ONLY). Tokens for two tenants; run the lines again for fresh ones.\n");
        out.append(fetchLine(devTokens, variable(tenantA), "alice", tenantA, scope, audience));
        out.append(fetchLine(devTokens, variable(tenantB), "bob", tenantB, scope, audience));
        out.append("curl -sS -H \"Authorization: Bearer $").append(variable(tenantA)).append("\" ")
                .append(quote(resource.toString())).append('\n');
        out.append("curl -sS -H \"Authorization: Bearer $").append(variable(tenantB)).append("\" ")
                .append(quote(resource.toString())).append('\n');
        return out.toString();
    }

    private static String fetchLine(URI devTokens, String variable, String subject, String tenant, String scope,
                                    String audience) {
        return variable + "=$(curl -sS -H 'Accept: text/plain'"
                + " --data-urlencode " + quote("subject=" + subject)
                + " --data-urlencode " + quote("tenant=" + tenant)
                + " --data-urlencode " + quote("scope=" + scope)
                + " --data-urlencode " + quote("audience=" + audience)
                + " " + quote(devTokens.toString()) + ")\n";
    }

    /** {@code TOKEN_ACME} for tenant {@code acme}: a valid shell variable name. */
    static String variable(String tenant) {
        return "TOKEN_" + tenant.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    /** POSIX single quoting: nothing inside is expanded; a single quote becomes {@code '\''}. */
    static String quote(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
