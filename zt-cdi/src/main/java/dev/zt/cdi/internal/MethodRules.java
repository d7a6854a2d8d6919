package dev.zt.cdi.internal;

import java.lang.reflect.Method;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The resolved {@link MethodRule} of each called method, per class of the called instance: resolved
 * once, then a lookup per call. One instance per application, shared by every interceptor instance
 * (registered by the extension as a {@code @Singleton} bean).
 */
public final class MethodRules {

    private final ClassValue<ConcurrentMap<Method, Resolved>> rules = new ClassValue<>() {
        @Override
        protected ConcurrentMap<Method, Resolved> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    /** The rule for {@code method} called on an instance of {@code targetClass}. */
    public Resolved resolve(Class<?> targetClass, Method method) {
        return rules.get(targetClass).computeIfAbsent(method, m -> Resolved.of(beanClassOf(targetClass),
                MethodRule.resolve(targetClass, m), m));
    }

    /**
     * A rule with the bean class it was resolved for (the container's subclass stripped), and the
     * texts its audit events carry, built once: the action {@code pkg.Bean#method} and the
     * requirement {@code requires all of [orders:write]} (empty when the method needs no scope).
     */
    public record Resolved(Class<?> beanClass, MethodRule rule, String auditAction, String auditRequirement) {

        static Resolved of(Class<?> beanClass, MethodRule rule, Method method) {
            return new Resolved(beanClass, rule, beanClass.getName() + "#" + method.getName(),
                    rule.requirement().map(r -> "requires " + r).orElse(""));
        }
    }

    /** Weld and other containers intercept through generated subclasses ({@code Foo$Proxy$_$$_WeldSubclass}). */
    static Class<?> beanClassOf(Class<?> targetClass) {
        Class<?> c = targetClass;
        while (c.getSuperclass() != null && c.getSuperclass() != Object.class
                && (c.isSynthetic() || c.getName().contains("$$"))) {
            c = c.getSuperclass();
        }
        return c;
    }
}
