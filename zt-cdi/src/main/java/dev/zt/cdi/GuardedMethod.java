package dev.zt.cdi;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One business method of a bean, as the deployment inventory saw it.
 *
 * @param beanClass        the bean class (the method may be inherited from a superclass)
 * @param method           the business method
 * @param protection       how it is protected
 * @param requirement      the scopes it requires, when {@link Protection#REQUIRES_SCOPE}
 * @param reason           the stated reason, when {@link Protection#PERMITTED_WITHOUT_SCOPE}
 * @param inGuardedPackage whether the bean lies in a guarded package
 * @param strict           whether strict mode applies to it (so an unguarded public method fails deployment)
 * @param selfInvoked      whether the bean's own code calls this guarded method on an instance of its own
 *                         class: when that is {@code this.method()} the interceptor does not run
 */
public record GuardedMethod(Class<?> beanClass, Method method, Protection protection,
                            Optional<ScopeRequirement> requirement, Optional<String> reason,
                            boolean inGuardedPackage, boolean strict, boolean selfInvoked) {

    /** How a business method is protected. */
    public enum Protection {
        /** {@link RequiresScope} on the method or its class. */
        REQUIRES_SCOPE,
        /** {@link PermitWithoutScope}: deliberately unchecked, with a reason. */
        PERMITTED_WITHOUT_SCOPE,
        /** Neither: a hole in a guarded package. */
        UNGUARDED
    }

    public GuardedMethod {
        Objects.requireNonNull(beanClass, "beanClass");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(protection, "protection");
        Objects.requireNonNull(requirement, "requirement");
        Objects.requireNonNull(reason, "reason");
        if (requirement.isPresent() != (protection == Protection.REQUIRES_SCOPE)
                || reason.isPresent() != (protection == Protection.PERMITTED_WITHOUT_SCOPE)) {
            throw new IllegalArgumentException("a requirement goes with REQUIRES_SCOPE and a reason with PERMITTED_WITHOUT_SCOPE");
        }
    }

    /** True when strict mode rejects this method: public, unguarded, and strict mode applies. */
    public boolean violatesStrictMode() {
        return strict && protection == Protection.UNGUARDED && Modifier.isPublic(method.getModifiers());
    }

    /** E.g. {@code com.acme.orders.OrderService#place(java.lang.String, int)}. */
    public String signature() {
        return beanClass.getName() + "#" + method.getName() + Arrays.stream(method.getParameterTypes())
                .map(Class::getTypeName).collect(Collectors.joining(", ", "(", ")"));
    }

    /** One line of the deployment report. */
    @Override
    public String toString() {
        return switch (protection) {
            case REQUIRES_SCOPE -> "REQUIRES   " + signature() + "  " + requirement.orElseThrow()
                    + (selfInvoked ? "  (ZT-3020 also called on its own class: this.m() is not checked)" : "");
            case PERMITTED_WITHOUT_SCOPE -> "PERMITTED  " + signature() + "  reason: \"" + reason.orElseThrow() + "\"";
            case UNGUARDED -> "UNGUARDED  " + signature() + (violatesStrictMode() ? "  (strict: fails deployment)" : "");
        };
    }
}
