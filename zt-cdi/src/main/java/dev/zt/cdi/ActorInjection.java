package dev.zt.cdi;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.spi.AnnotatedCallable;
import jakarta.enterprise.inject.spi.AnnotatedParameter;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.inject.Inject;
import java.lang.reflect.Constructor;

/**
 * Where {@code @Inject Actor} is safe. {@code Actor} cannot be proxied (it is a final class), so an
 * injected actor is the one current when the bean was created. That is right for {@code @Dependent}
 * and {@code @RequestScoped} beans and for parameters resolved per call (observer, producer and
 * disposer methods), and wrong for beans that serve many callers ({@code @ApplicationScoped},
 * {@code @Singleton}, session or conversation scoped): there it is a definition error.
 */
final class ActorInjection {

    private ActorInjection() {
    }

    /** The problem with {@code injectionPoint}, or {@code null} when it is fine. */
    static String check(InjectionPoint injectionPoint) {
        Bean<?> bean = injectionPoint.getBean();
        if (bean == null || !keptForBeanLifetime(injectionPoint)) {
            return null;
        }
        Class<?> scope = bean.getScope();
        if (scope == Dependent.class || scope == RequestScoped.class) {
            return null;
        }
        return "ZT-3012 " + bean.getBeanClass().getName() + " injects Actor at " + injectionPoint.getMember().getName()
                + " but is @" + scope.getSimpleName() + ": it would keep its first caller's actor for every later call. "
                + "Inject jakarta.inject.Provider<Actor> and call get() per call, or call ActorContext.require()";
    }

    /** Fields, constructor parameters and initializer parameters are resolved once per bean instance. */
    private static boolean keptForBeanLifetime(InjectionPoint injectionPoint) {
        if (!(injectionPoint.getAnnotated() instanceof AnnotatedParameter<?> parameter)) {
            return true;
        }
        AnnotatedCallable<?> callable = parameter.getDeclaringCallable();
        return callable.getJavaMember() instanceof Constructor<?> || callable.isAnnotationPresent(Inject.class);
    }
}
