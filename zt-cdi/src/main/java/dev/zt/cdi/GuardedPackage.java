package dev.zt.cdi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares, on a {@code package-info.java}, that the beans of this package and of its subpackages are
 * guarded: at deployment every business method there is listed with its protection, and the
 * unguarded ones are reported ({@code ZT-3100}). Equivalent to naming the package in
 * {@code zt.cdi.guarded-packages}.
 *
 * <pre>{@code
 * @GuardedPackage(strict = true)
 * package com.acme.orders;
 *
 * import dev.zt.cdi.GuardedPackage;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PACKAGE)
public @interface GuardedPackage {

    /**
     * Fail the deployment ({@code ZT-3101}) while a public business method of this package has
     * neither {@link RequiresScope} nor {@link PermitWithoutScope}. {@code zt.cdi.strict=true}
     * turns strict mode on for every guarded package regardless of this value.
     */
    boolean strict() default false;
}
