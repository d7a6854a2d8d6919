package dev.zt.client;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/** The token endpoint must be https, except on loopback or when plain http is explicitly allowed. */
final class EndpointPolicy {

    private EndpointPolicy() {
    }

    static URI check(URI endpoint, boolean allowHttp) {
        if (!endpoint.isAbsolute() || endpoint.getHost() == null) {
            throw new IllegalArgumentException("ZT-7102 the token endpoint must be an absolute http(s) URI with a host");
        }
        if (endpoint.getRawUserInfo() != null || endpoint.getRawFragment() != null) {
            throw new IllegalArgumentException("ZT-7102 the token endpoint must not carry user info or a fragment");
        }
        String scheme = endpoint.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https")) {
            return endpoint;
        }
        if (!scheme.equals("http")) {
            throw new IllegalArgumentException("ZT-7102 the token endpoint must use https, not " + scheme);
        }
        if (allowHttp || isLoopback(endpoint.getHost())) {
            return endpoint;
        }
        throw new IllegalArgumentException("ZT-7102 the token endpoint " + endpoint
                + " uses plain http: use https, or allow http explicitly (allowInsecureHttp / ZT_TOKEN_ALLOW_HTTP=true)");
    }

    static boolean isLoopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        boolean ipv6Literal = host.startsWith("[") && host.endsWith("]");
        boolean ipv4Literal = host.matches("\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
        if (!ipv6Literal && !ipv4Literal) {
            return false; // a name is never resolved here: only literal addresses count
        }
        try {
            return InetAddress.getByName(ipv6Literal ? host.substring(1, host.length() - 1) : host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
