package dev.zt.devissuer;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/** The development issuer is reachable from this machine only: a host must resolve to loopback addresses alone. */
final class Loopback {

    private Loopback() {
    }

    /** @throws IllegalArgumentException ({@code ZT-8001}) for a host that is, or may resolve to, anything but loopback */
    static InetAddress resolve(String host) {
        Objects.requireNonNull(host, "ZT-8001 host");
        InetAddress[] resolved;
        try {
            resolved = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("ZT-8001 cannot resolve host '" + host + "'", e);
        }
        for (InetAddress candidate : resolved) {
            if (!candidate.isLoopbackAddress()) {
                throw new IllegalArgumentException("ZT-8001 the development issuer binds to loopback only; '" + host
                        + "' is " + candidate.getHostAddress() + ". It is not meant to be reachable from another machine.");
            }
        }
        return resolved[0];
    }
}
