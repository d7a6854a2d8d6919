package dev.zt.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScopeRequirementTest {

    @Test
    void missingFromWhenActorHoldsEveryScopeThenEmpty() {
        ScopeRequirement requirement = ScopeRequirement.all("orders:write", "payments:write");

        assertThat(requirement.missingFrom(TestActors.withScopes("payments:write", "orders:write", "x"))).isEmpty();
        assertThat(requirement.isSatisfiedBy(TestActors.withScopes("payments:write", "orders:write"))).isTrue();
    }

    @Test
    void missingFromWhenActorLacksSomeThenNamesExactlyThose() {
        ScopeRequirement requirement = ScopeRequirement.all("orders:write", "payments:write");

        assertThat(requirement.missingFrom(TestActors.withScopes("orders:write"))).containsExactly("payments:write");
        assertThat(requirement.missingFrom(TestActors.withScopes())).containsExactly("orders:write", "payments:write");
    }

    @ParameterizedTest
    @ValueSource(strings = {"orders:writer", "Orders:write", "ORDERS:WRITE", "orders:*", "*", "orders", "rders:write"})
    void isSatisfiedByWhenActorHoldsOnlyALookAlikeThenFalse(String lookAlike) {
        assertThat(ScopeRequirement.all("orders:write").isSatisfiedBy(TestActors.withScopes(lookAlike))).isFalse();
        assertThat(ScopeRequirement.any("orders:write").isSatisfiedBy(TestActors.withScopes(lookAlike))).isFalse();
    }

    @Test
    void isSatisfiedByWhenRequirementIsAWildcardLiteralThenOnlyTheLiteralScopeSatisfiesIt() {
        ScopeRequirement wildcard = ScopeRequirement.all("orders:*");

        assertThat(wildcard.isSatisfiedBy(TestActors.withScopes("orders:write", "orders:read"))).isFalse();
        assertThat(wildcard.isSatisfiedBy(TestActors.withScopes("orders:*"))).isTrue();
    }

    @Test
    void missingFromWhenAnyOfHasOneMatchThenEmptyElseAllOfThem() {
        ScopeRequirement requirement = ScopeRequirement.any("orders:read", "orders:admin");

        assertThat(requirement.missingFrom(TestActors.withScopes("orders:admin"))).isEmpty();
        assertThat(requirement.missingFrom(TestActors.withScopes("orders:write")))
                .containsExactly("orders:read", "orders:admin");
    }

    @Test
    void constructorWhenNoScopeAtAllThenRejected() {
        assertThatThrownBy(ScopeRequirement::all).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("ZT-3010");
        assertThatThrownBy(ScopeRequirement::any).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("ZT-3010");
        assertThatThrownBy(() -> new ScopeRequirement(Set.of(), Set.of())).hasMessageStartingWith("ZT-3010");
    }

    @ParameterizedTest
    @ValueSource(strings = {"orders:write ", " orders:write", "orders write", "", "orders:\"write\"", "orders\\write", "ordérs"})
    void constructorWhenScopeIsNotAScopeTokenThenRejected(String malformed) {
        assertThatThrownBy(() -> ScopeRequirement.all(malformed)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("ZT-3010");
        assertThatThrownBy(() -> ScopeRequirement.any("orders:read", malformed)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void constructorWhenNullScopeThenRejected() {
        assertThatThrownBy(() -> ScopeRequirement.all("orders:read", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ScopeRequirement(null, Set.of("a"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringWhenBothFormsThenReadable() {
        assertThat(new ScopeRequirement(Set.of("orders:read"), Set.of("region:eu")))
                .hasToString("all of [orders:read] and one of [region:eu]");
    }

    @Test
    void equalsWhenSameScopesInAnyOrderThenEqual() {
        assertThat(ScopeRequirement.all("a", "b")).isEqualTo(ScopeRequirement.all("b", "a"));
    }
}
