package dev.zt.core;

import java.util.Objects;
import java.util.Optional;

/**
 * One link of an RFC 8693 delegation chain (the {@code act} claim): a party that acts on behalf of
 * the token's subject. {@code issuer} and {@code clientId} are optional in RFC 8693.
 */
public record ActingParty(String subject, String issuer, String clientId) {

    public ActingParty {
        Objects.requireNonNull(subject, "subject");
        if (subject.isBlank()) {
            throw new IllegalArgumentException("an acting party needs a non-blank subject");
        }
    }

    public static ActingParty of(String subject) {
        return new ActingParty(subject, null, null);
    }

    public Optional<String> issuerIfPresent() {
        return Optional.ofNullable(issuer);
    }

    public Optional<String> clientIdIfPresent() {
        return Optional.ofNullable(clientId);
    }

    @Override
    public String toString() {
        return "ActingParty[" + subject + (issuer == null ? "" : " @ " + issuer) + "]";
    }
}
