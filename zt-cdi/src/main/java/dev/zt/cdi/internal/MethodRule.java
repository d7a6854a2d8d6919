package dev.zt.cdi.internal;

import dev.zt.cdi.GuardedMethod.Protection;
import dev.zt.cdi.PermitWithoutScope;
import dev.zt.cdi.RequiresScope;
import dev.zt.cdi.ScopeRequirement;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.Optional;

/**
 * How one business method of one bean class is protected, resolved from the annotations by the one
 * rule that the interceptor and the deployment inventory share:
 * <ol>
 *   <li>an annotation on the method decides (both {@link RequiresScope} and {@link PermitWithoutScope}
 *       on one element is an error);</li>
 *   <li>else the nearest class, from the bean class up its superclasses, that declares either one
 *       decides;</li>
 *   <li>else the method is unguarded.</li>
 * </ol>
 * Invalid annotations (no scope, a malformed scope, a blank reason) throw
 * {@link IllegalArgumentException} with a {@code ZT-3010}/{@code ZT-3011} message.
 */
public record MethodRule(Protection protection, Optional<ScopeRequirement> requirement, Optional<String> reason) {

    private static final MethodRule UNGUARDED = new MethodRule(Protection.UNGUARDED, Optional.empty(), Optional.empty());

    /** Resolves the rule for {@code method} called on an instance of {@code beanClass} (or of a container subclass of it). */
    public static MethodRule resolve(Class<?> beanClass, Method method) {
        MethodRule onMethod = declaredOn(method, method);
        if (onMethod != null) {
            return onMethod;
        }
        for (Class<?> c = beanClass; c != null && c != Object.class; c = c.getSuperclass()) {
            MethodRule onClass = declaredOn(c, method);
            if (onClass != null) {
                return onClass;
            }
        }
        return UNGUARDED;
    }

    private static MethodRule declaredOn(AnnotatedElement element, Method method) {
        RequiresScope requires = element instanceof Class<?> c
                ? c.getDeclaredAnnotation(RequiresScope.class) : element.getAnnotation(RequiresScope.class);
        PermitWithoutScope permit = element.getDeclaredAnnotation(PermitWithoutScope.class);
        if (requires != null && permit != null) {
            throw new IllegalArgumentException("ZT-3011 " + describe(element) + " has both @RequiresScope and "
                    + "@PermitWithoutScope: keep the one you mean");
        }
        if (requires != null) {
            try {
                return new MethodRule(Protection.REQUIRES_SCOPE, Optional.of(ScopeRequirement.of(requires)), Optional.empty());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(e.getMessage() + " (@RequiresScope on " + describe(element)
                        + (element == method ? "" : ", applied to " + method.getName()) + ")", e);
            }
        }
        if (permit != null) {
            if (permit.reason() == null || permit.reason().isBlank()) {
                throw new IllegalArgumentException("ZT-3011 @PermitWithoutScope on " + describe(element)
                        + " has a blank reason: say why no scope is needed");
            }
            return new MethodRule(Protection.PERMITTED_WITHOUT_SCOPE, Optional.empty(), Optional.of(permit.reason().strip()));
        }
        return null;
    }

    private static String describe(AnnotatedElement element) {
        if (element instanceof Method m) {
            return m.getDeclaringClass().getName() + "#" + m.getName();
        }
        return ((Class<?>) element).getName();
    }
}
