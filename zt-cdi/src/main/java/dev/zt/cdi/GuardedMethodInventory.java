package dev.zt.cdi;

import java.lang.reflect.Method;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every business method of every bean in the guarded packages, plus every method elsewhere that
 * carries {@link RequiresScope} or {@link PermitWithoutScope}, as found at deployment. Immutable and
 * injectable ({@code @Inject GuardedMethodInventory inventory}) for an audit trail or an admin
 * endpoint.
 *
 * <p>Not listed, because no client calls them: static and private methods, lifecycle callbacks,
 * producer, disposer and observer methods, and {@code equals}/{@code hashCode}/{@code toString}.
 */
public final class GuardedMethodInventory {

    private final Set<String> guardedPackages;
    private final List<GuardedMethod> methods;

    public GuardedMethodInventory(Set<String> guardedPackages, List<GuardedMethod> methods) {
        this.guardedPackages = Set.copyOf(guardedPackages);
        this.methods = methods.stream()
                .sorted(Comparator.comparing(GuardedMethod::signature))
                .collect(Collectors.toUnmodifiableList());
    }

    /** The packages declared guarded (configuration and {@link GuardedPackage} annotations), sorted. */
    public Set<String> guardedPackages() {
        return guardedPackages;
    }

    /** Every listed method, sorted by signature. */
    public List<GuardedMethod> methods() {
        return methods;
    }

    /** The methods in guarded packages that have no protection at all. */
    public List<GuardedMethod> unguarded() {
        return methods.stream().filter(m -> m.inGuardedPackage() && m.protection() == GuardedMethod.Protection.UNGUARDED)
                .collect(Collectors.toUnmodifiableList());
    }

    /** The methods that fail a strict deployment. */
    public List<GuardedMethod> strictViolations() {
        return methods.stream().filter(GuardedMethod::violatesStrictMode).collect(Collectors.toUnmodifiableList());
    }

    /** The guarded methods that the bean's own code also calls, where {@code this.m()} bypasses the check. */
    public List<GuardedMethod> selfInvoked() {
        return methods.stream().filter(GuardedMethod::selfInvoked).collect(Collectors.toUnmodifiableList());
    }

    /** The entry of {@code method} of {@code beanClass}, if listed. */
    public Optional<GuardedMethod> find(Class<?> beanClass, Method method) {
        return methods.stream().filter(m -> m.beanClass().equals(beanClass) && m.method().equals(method)).findFirst();
    }

    /** The deployment report ({@code ZT-3100}): a summary line, then one line per method. */
    public String report() {
        long guarded = methods.stream().filter(m -> m.protection() == GuardedMethod.Protection.REQUIRES_SCOPE).count();
        long permitted = methods.stream().filter(m -> m.protection() == GuardedMethod.Protection.PERMITTED_WITHOUT_SCOPE).count();
        StringBuilder report = new StringBuilder("ZT-3100 zt-cdi inventory (guarded packages ")
                .append(guardedPackages.stream().sorted().collect(Collectors.toList()))
                .append(", plus annotated methods elsewhere): ").append(methods.size()).append(" business methods, ")
                .append(guarded).append(" require a scope, ")
                .append(permitted).append(" permitted without scope, ")
                .append(unguarded().size()).append(" unguarded");
        for (GuardedMethod method : methods) {
            report.append(System.lineSeparator()).append("  ").append(method);
        }
        return report.toString();
    }

    @Override
    public String toString() {
        return "GuardedMethodInventory[" + methods.size() + " methods, " + unguarded().size() + " unguarded]";
    }
}
