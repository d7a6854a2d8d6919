package dev.zt.cdi;

import dev.zt.cdi.internal.ActorProducer;
import dev.zt.cdi.internal.CdiAuditSink;
import dev.zt.cdi.internal.MethodRules;
import dev.zt.cdi.internal.ScopeInterceptor;
import dev.zt.cdi.internal.ZeroTrustSettings;
import dev.zt.core.Actor;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.BeforeShutdown;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.DefinitionException;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.ProcessInjectionPoint;
import jakarta.enterprise.inject.spi.ProcessManagedBean;
import jakarta.enterprise.inject.spi.ProcessSyntheticAnnotatedType;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The zt-cdi portable extension, registered through {@code META-INF/services} so that an application
 * needs no {@code beans.xml} entry. At deployment it
 * <ul>
 *   <li>registers the {@link RequiresScope} interceptor and the {@code @Inject Actor} producer;</li>
 *   <li>checks every {@link RequiresScope} and {@link PermitWithoutScope} ({@code ZT-3010}, {@code ZT-3011});</li>
 *   <li>refuses {@code @Inject Actor} in beans that outlive a call ({@code ZT-3012});</li>
 *   <li>lists the business methods of the guarded packages with their protection, logs the report
 *       ({@code ZT-3100}) and self-invocation hints ({@code ZT-3020}), and under strict mode fails the
 *       deployment while one of them is unguarded ({@code ZT-3101});</li>
 *   <li>offers the result as the injectable {@link GuardedMethodInventory}.</li>
 * </ul>
 * Configuration: see {@code zt.cdi.guarded-packages}, {@code zt.cdi.strict} and {@link GuardedPackage}.
 */
public class ZeroTrustExtension implements Extension {

    private static final System.Logger LOG = System.getLogger("dev.zt.cdi");

    // Weld may fire ProcessManagedBean from several threads (concurrent deployment).
    private final List<Throwable> problems = Collections.synchronizedList(new ArrayList<>());
    private final List<GuardedMethod> methods = Collections.synchronizedList(new ArrayList<>());
    private final MethodRules rules = new MethodRules();
    private ZeroTrustSettings settings;
    private GuardedMethodInventory inventory;

    void register(@Observes BeforeBeanDiscovery event, BeanManager beanManager) {
        try {
            settings = ZeroTrustSettings.fromEnvironment();
        } catch (IllegalArgumentException e) {
            problems.add(new DefinitionException(e.getMessage()));
            settings = ZeroTrustSettings.from(key -> null, key -> null);
        }
        event.addAnnotatedType(beanManager.createAnnotatedType(ScopeInterceptor.class), ScopeInterceptor.class.getName());
        event.addAnnotatedType(beanManager.createAnnotatedType(ActorProducer.class), ActorProducer.class.getName());
    }

    /** Our own types are added above; a copy found by scanning (zt-cdi inside a bean archive) would run twice. */
    void dropScannedInterceptor(@Observes ProcessAnnotatedType<ScopeInterceptor> event) {
        if (!(event instanceof ProcessSyntheticAnnotatedType)) {
            event.veto();
        }
    }

    void dropScannedProducer(@Observes ProcessAnnotatedType<ActorProducer> event) {
        if (!(event instanceof ProcessSyntheticAnnotatedType)) {
            event.veto();
        }
    }

    void inventory(@Observes ProcessManagedBean<?> event) {
        Class<?> beanClass = event.getAnnotatedBeanClass().getJavaClass();
        if (event.getBean() instanceof jakarta.enterprise.inject.spi.Interceptor
                || event.getBean() instanceof jakarta.enterprise.inject.spi.Decorator
                || beanClass == ActorProducer.class || isWebComponent(beanClass)) {
            return;
        }
        Inventory.collect(beanClass, settings, methods, problems);
    }

    /**
     * Servlets, filters and listeners may be discovered as managed beans (WildFly's Weld does), but
     * the container calls them directly, never through a CDI proxy: their public methods are not
     * business methods and no interceptor ever sees them. The beans they call are what is guarded.
     * Matched by name, so zt-cdi needs no servlet API.
     */
    static boolean isWebComponent(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Class<?> i : c.getInterfaces()) {
                if (isWebComponentInterface(i)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isWebComponentInterface(Class<?> i) {
        String name = i.getName();
        if (name.equals("jakarta.servlet.Servlet") || name.equals("jakarta.servlet.Filter") || name.equals("java.util.EventListener")) {
            return true;
        }
        for (Class<?> parent : i.getInterfaces()) {
            if (isWebComponentInterface(parent)) {
                return true;
            }
        }
        return false;
    }

    void actorInjection(@Observes ProcessInjectionPoint<?, Actor> event) {
        String problem = ActorInjection.check(event.getInjectionPoint());
        if (problem != null) {
            event.addDefinitionError(new DefinitionException(problem));
        }
    }

    void report(@Observes AfterBeanDiscovery event) {
        List.copyOf(problems).forEach(event::addDefinitionError);
        inventory = new GuardedMethodInventory(settings.guardedPackages(), List.copyOf(methods));
        GuardedMethodInventory result = inventory;
        event.addBean().types(GuardedMethodInventory.class).scope(Singleton.class)
                .beanClass(ZeroTrustExtension.class).createWith(context -> result);
        event.addBean().types(MethodRules.class).scope(Singleton.class)
                .beanClass(ZeroTrustExtension.class).createWith(context -> rules);
        if (settings.guardedPackages().isEmpty()) {
            LOG.log(System.Logger.Level.INFO, "ZT-3102 no guarded packages declared (zt.cdi.guarded-packages or "
                    + "@GuardedPackage): only methods annotated @RequiresScope are checked");
        }
        LOG.log(inventory.unguarded().isEmpty() ? System.Logger.Level.INFO : System.Logger.Level.WARNING, inventory.report());
        for (GuardedMethod m : inventory.selfInvoked()) {
            LOG.log(System.Logger.Level.WARNING, "ZT-3020 " + m.beanClass().getName() + " calls its own guarded method "
                    + m.signature() + ": a call on 'this' is not intercepted and not checked; call it through a bean "
                    + "reference or check with Guards");
        }
    }

    void strictMode(@Observes AfterDeploymentValidation event, BeanManager beanManager) {
        List<GuardedMethod> violations = inventory.strictViolations();
        if (!violations.isEmpty()) {
            event.addDeploymentProblem(new DeploymentException("ZT-3101 strict mode: " + violations.size()
                    + " public business method(s) in guarded packages have neither @RequiresScope nor "
                    + "@PermitWithoutScope(reason = ...):" + violations.stream().map(GuardedMethod::signature)
                    .collect(Collectors.joining(System.lineSeparator() + "  ", System.lineSeparator() + "  ", ""))));
        }
        methods.clear();
        problems.clear();
        CdiAuditSink.attach(beanManager);
    }

    void stopAuditDelivery(@Observes BeforeShutdown event, BeanManager beanManager) {
        CdiAuditSink.detach(beanManager);
    }

    /** The deployment's inventory (also injectable as {@link GuardedMethodInventory}). */
    public GuardedMethodInventory inventory() {
        if (inventory == null) {
            throw new IllegalStateException("ZT-3104 the inventory is known after bean discovery");
        }
        return inventory;
    }
}
