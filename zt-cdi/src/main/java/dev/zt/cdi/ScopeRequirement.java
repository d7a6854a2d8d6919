package dev.zt.cdi;

import dev.zt.core.Actor;
import dev.zt.core.Scopes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What an operation requires of an actor's scopes: all of {@link #allOf()} and, when {@link #anyOf()}
 * is not empty, at least one of {@link #anyOf()}. Immutable; at least one scope is named and every
 * scope is an RFC 6749 scope token. Matching is exact and case-sensitive, without wildcards.
 */
public record ScopeRequirement(Set<String> allOf, Set<String> anyOf) {

    public ScopeRequirement {
        allOf = checked(allOf, "allOf");
        anyOf = checked(anyOf, "anyOf");
        if (allOf.isEmpty() && anyOf.isEmpty()) {
            throw new IllegalArgumentException(
                    "ZT-3010 a scope requirement names no scope: name at least one (there is no 'any actor' rule)");
        }
    }

    /** Every one of {@code scopes} is required. */
    public static ScopeRequirement all(String... scopes) {
        return new ScopeRequirement(asSet(scopes), Set.of());
    }

    /** At least one of {@code scopes} is required. */
    public static ScopeRequirement any(String... scopes) {
        return new ScopeRequirement(Set.of(), asSet(scopes));
    }

    /** The requirement an annotation expresses. */
    public static ScopeRequirement of(RequiresScope annotation) {
        return new ScopeRequirement(asSet(annotation.value()), asSet(annotation.anyOf()));
    }

    /** True when {@code actor} holds every scope of {@link #allOf()} and one of {@link #anyOf()}, if any. */
    public boolean isSatisfiedBy(Actor actor) {
        return missingFrom(actor).isEmpty();
    }

    /**
     * The scopes {@code actor} would need: the missing ones of {@link #allOf()} and, when it holds none
     * of {@link #anyOf()}, all of {@link #anyOf()}. Empty when the requirement is satisfied.
     */
    public Set<String> missingFrom(Actor actor) {
        Set<String> missing = null;
        for (String scope : allOf) {
            if (!actor.hasScope(scope)) {
                missing = add(missing, List.of(scope));
            }
        }
        if (!anyOf.isEmpty() && anyOf.stream().noneMatch(actor::hasScope)) {
            missing = add(missing, anyOf);
        }
        return missing == null ? Set.of() : Collections.unmodifiableSet(missing);
    }

    /** E.g. {@code all of [orders:write] and one of [eu, us]}. */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>(2);
        if (!allOf.isEmpty()) {
            parts.add("all of " + allOf);
        }
        if (!anyOf.isEmpty()) {
            parts.add("one of " + anyOf);
        }
        return String.join(" and ", parts);
    }

    private static Set<String> add(Set<String> missing, Collection<String> scopes) {
        Set<String> result = missing == null ? new LinkedHashSet<>() : missing;
        result.addAll(scopes);
        return result;
    }

    private static Set<String> asSet(String[] scopes) {
        for (String scope : scopes) {
            if (scope == null) {
                throw new IllegalArgumentException("ZT-3010 a scope must not be null");
            }
        }
        return new LinkedHashSet<>(Arrays.asList(scopes));
    }

    private static Set<String> checked(Set<String> scopes, String name) {
        if (scopes == null) {
            throw new IllegalArgumentException("ZT-3010 " + name + " must not be null (use an empty set)");
        }
        for (String scope : scopes) {
            if (!Scopes.isValidScopeToken(scope)) {
                throw new IllegalArgumentException("ZT-3010 '" + scope + "' in " + name
                        + " is not an RFC 6749 scope token (printable ASCII, no space, quote or backslash)");
            }
        }
        return Collections.unmodifiableSet(new LinkedHashSet<>(scopes));
    }
}
