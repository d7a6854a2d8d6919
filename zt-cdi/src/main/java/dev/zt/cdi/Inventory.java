package dev.zt.cdi;

import dev.zt.cdi.internal.BusinessMethods;
import dev.zt.cdi.internal.MethodRule;
import dev.zt.cdi.internal.SelfCalls;
import dev.zt.cdi.internal.ZeroTrustSettings;
import jakarta.enterprise.inject.spi.DefinitionException;
import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Lists the business methods of one bean class for the {@link GuardedMethodInventory}. */
final class Inventory {

    private Inventory() {
    }

    /**
     * Adds to {@code into} every business method of {@code beanClass} that lies in a guarded package or
     * carries a zt annotation; adds to {@code problems} every invalid annotation.
     */
    static void collect(Class<?> beanClass, ZeroTrustSettings settings, List<GuardedMethod> into, List<Throwable> problems) {
        ZeroTrustSettings.Guard guard = settings.guardOf(beanClass);
        Set<String> selfCalls = null;
        for (Method method : BusinessMethods.of(beanClass)) {
            MethodRule rule;
            try {
                rule = MethodRule.resolve(beanClass, method);
            } catch (IllegalArgumentException e) {
                problems.add(new DefinitionException(e.getMessage()));
                continue;
            }
            boolean guarded = guard != ZeroTrustSettings.Guard.NONE;
            if (!guarded && rule.protection() == GuardedMethod.Protection.UNGUARDED) {
                continue;
            }
            boolean selfInvoked = false;
            if (rule.protection() == GuardedMethod.Protection.REQUIRES_SCOPE) {
                selfCalls = selfCalls != null ? selfCalls : selfCalls(beanClass);
                selfInvoked = selfCalls.contains(method.getName() + BusinessMethods.descriptor(method));
            }
            into.add(new GuardedMethod(beanClass, method, rule.protection(), rule.requirement(), rule.reason(),
                    guarded, guard == ZeroTrustSettings.Guard.STRICT, selfInvoked));
        }
    }

    /** Methods that the classes of the bean's hierarchy call on their own types. */
    private static Set<String> selfCalls(Class<?> beanClass) {
        Set<String> calls = new HashSet<>();
        for (Class<?> c = beanClass; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Class<?> owner = beanClass; owner != null && owner != Object.class; owner = owner.getSuperclass()) {
                calls.addAll(SelfCalls.of(c, owner));
            }
        }
        return calls;
    }
}
