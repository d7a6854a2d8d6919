package dev.zt.cdi;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The current {@link dev.zt.core.Actor} must hold these OAuth scopes to call the annotated business
 * method (or every business method of the annotated bean class).
 *
 * <pre>{@code
 * @RequiresScope("orders:write")                                // the actor needs orders:write
 * @RequiresScope({"orders:write", "payments:write"})            // ... needs both
 * @RequiresScope(anyOf = {"orders:read", "orders:admin"})       // ... needs at least one of them
 * @RequiresScope(value = "orders:read", anyOf = {"eu", "us"})   // orders:read and one of eu/us
 * }</pre>
 *
 * <p>Rules:
 * <ul>
 *   <li>No actor is always denied ({@link dev.zt.core.NoActorException}); a missing scope raises
 *       {@link dev.zt.core.InsufficientScopeException} carrying the missing scopes.</li>
 *   <li>Scopes match exactly and case-sensitively; there are no wildcards ({@code orders:*} is a
 *       scope like any other and grants nothing else).</li>
 *   <li>A method-level annotation <em>replaces</em> the class-level one for that method (as with
 *       {@code @RolesAllowed}); {@link PermitWithoutScope} on a method exempts it from a class-level
 *       annotation. The class-level annotation is {@link Inherited inherited} by subclasses.</li>
 *   <li>At least one scope must be named and every name must be an RFC 6749 scope token, or the
 *       deployment fails ({@code ZT-3010}).</li>
 *   <li>Only calls through a bean reference are checked: CDI does not intercept {@code this.m()}.</li>
 * </ul>
 */
@Inherited
@Documented
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RequiresScope {

    /** Scopes that are all required. */
    @Nonbinding
    String[] value() default {};

    /** Scopes of which at least one is required (in addition to all of {@link #value()}). */
    @Nonbinding
    String[] anyOf() default {};
}
