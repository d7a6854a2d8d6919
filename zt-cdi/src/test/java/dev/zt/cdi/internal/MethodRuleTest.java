package dev.zt.cdi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zt.cdi.GuardedMethod.Protection;
import dev.zt.cdi.PermitWithoutScope;
import dev.zt.cdi.RequiresScope;
import dev.zt.cdi.ScopeRequirement;
import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;

class MethodRuleTest {

    @RequiresScope("a:read")
    static class ClassRule {
        public void plain() {
        }

        @RequiresScope("a:admin")
        public void own() {
        }

        @PermitWithoutScope(reason = "health check")
        public void open() {
        }
    }

    static class Sub extends ClassRule {
        public void added() {
        }
    }

    @PermitWithoutScope(reason = "public catalogue")
    static class OptedOutSub extends ClassRule {
        public void browse() {
        }
    }

    static class NoRule {
        public void plain() {
        }
    }

    static class Broken {
        @RequiresScope({})
        public void empty() {
        }

        @RequiresScope("orders:write ")
        public void space() {
        }

        @RequiresScope("a") @PermitWithoutScope(reason = "x")
        public void both() {
        }

        @PermitWithoutScope(reason = "  ")
        public void blank() {
        }
    }

    @Test
    void resolveWhenOnlyClassLevelThenClassRuleApplies() throws Exception {
        assertThat(rule(ClassRule.class, "plain").requirement()).contains(ScopeRequirement.all("a:read"));
    }

    @Test
    void resolveWhenMethodLevelThenItReplacesClassLevel() throws Exception {
        assertThat(rule(ClassRule.class, "own").requirement()).contains(ScopeRequirement.all("a:admin"));
    }

    @Test
    void resolveWhenMethodOptsOutThenPermittedWithReason() throws Exception {
        MethodRule rule = rule(ClassRule.class, "open");

        assertThat(rule.protection()).isEqualTo(Protection.PERMITTED_WITHOUT_SCOPE);
        assertThat(rule.reason()).contains("health check");
    }

    @Test
    void resolveWhenSubclassInheritsClassRuleThenAppliesToOwnAndInheritedMethods() throws Exception {
        assertThat(rule(Sub.class, "added").requirement()).contains(ScopeRequirement.all("a:read"));
        assertThat(MethodRule.resolve(Sub.class, ClassRule.class.getMethod("plain")).requirement())
                .contains(ScopeRequirement.all("a:read"));
    }

    @Test
    void resolveWhenSubclassDeclaresOptOutThenNearestClassDecides() throws Exception {
        assertThat(rule(OptedOutSub.class, "browse").protection()).isEqualTo(Protection.PERMITTED_WITHOUT_SCOPE);
        assertThat(MethodRule.resolve(OptedOutSub.class, ClassRule.class.getMethod("own")).requirement())
                .contains(ScopeRequirement.all("a:admin"));
    }

    @Test
    void resolveWhenContainerSubclassThenRuleOfTheBeanClass() throws Exception {
        class Generated$$Subclass extends ClassRule {
        }
        assertThat(MethodRule.resolve(Generated$$Subclass.class, ClassRule.class.getMethod("plain")).requirement())
                .contains(ScopeRequirement.all("a:read"));
        assertThat(MethodRules.beanClassOf(Generated$$Subclass.class)).isEqualTo(ClassRule.class);
    }

    @Test
    void resolveWhenNoAnnotationThenUnguarded() throws Exception {
        assertThat(rule(NoRule.class, "plain").protection()).isEqualTo(Protection.UNGUARDED);
    }

    @Test
    void resolveWhenEmptyScopeListThenRejected() {
        assertThatThrownBy(() -> rule(Broken.class, "empty")).hasMessageStartingWith("ZT-3010").hasMessageContaining("Broken#empty");
    }

    @Test
    void resolveWhenScopeHasTrailingSpaceThenRejected() {
        assertThatThrownBy(() -> rule(Broken.class, "space")).hasMessageStartingWith("ZT-3010")
                .hasMessageContaining("'orders:write '");
    }

    @Test
    void resolveWhenBothAnnotationsOrBlankReasonThenRejected() {
        assertThatThrownBy(() -> rule(Broken.class, "both")).hasMessageStartingWith("ZT-3011");
        assertThatThrownBy(() -> rule(Broken.class, "blank")).hasMessageStartingWith("ZT-3011");
    }

    private static MethodRule rule(Class<?> type, String method) throws NoSuchMethodException {
        Method m = type.getMethod(method);
        return MethodRule.resolve(type, m);
    }
}
