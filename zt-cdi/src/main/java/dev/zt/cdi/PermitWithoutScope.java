package dev.zt.cdi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The explicit opt-out: this business method (or every business method of this class that has no
 * {@link RequiresScope} of its own) is deliberately callable without any scope check by zt-cdi.
 *
 * <p>The {@link #reason()} is mandatory and must not be blank ({@code ZT-3011}); it is shown in the
 * deployment inventory so that every hole in a guarded package is visible and explained. Putting
 * both annotations on the same method is a deployment error. Under strict mode, a public business
 * method in a guarded package needs either this or {@link RequiresScope}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface PermitWithoutScope {

    /** Why this method needs no scope, e.g. {@code "liveness probe, returns no data"}. */
    String reason();
}
