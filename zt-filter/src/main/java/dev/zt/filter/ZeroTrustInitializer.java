package dev.zt.filter;

import dev.zt.core.Audit;
import dev.zt.core.AuditTrail;
import dev.zt.filter.internal.AuditConfiguration;
import dev.zt.filter.internal.ConfigurationException;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletException;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;

/**
 * Registers the {@link ZeroTrustFilter} for every path of the web application as soon as zt-filter
 * sits in {@code WEB-INF/lib} (discovered through {@code META-INF/services}). Reads the configuration
 * (see {@link ConfigKeys} for the keys and their order) and refuses to start the deployment when it
 * is missing or invalid.
 *
 * <p>It also builds the deployment's audit trail ({@link AuditConfiguration}: the {@code zt.audit}
 * logger plus the sinks and metrics found with {@code ServiceLoader}), installs it with
 * {@link Audit#install} so that zt-cdi, zt-jpa and zt-client record into it, and closes it when the
 * application stops.
 */
public final class ZeroTrustInitializer implements ServletContainerInitializer {

    /** The filter's registration name. */
    public static final String FILTER_NAME = "zt-zero-trust-filter";

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) throws ServletException {
        ZeroTrustSettings settings;
        AuditConfiguration audit;
        try {
            settings = ZeroTrustSettings.fromConfiguration(key -> lookup(key, context), Clock.systemUTC());
            audit = AuditConfiguration.read(key -> lookup(key, context), context.getClassLoader());
        } catch (IllegalStateException | ConfigurationException e) {
            context.log(e.getMessage());
            throw new ServletException(e.getMessage());
        }
        FilterRegistration.Dynamic registration = context.addFilter(FILTER_NAME, new ZeroTrustFilter(settings));
        if (registration == null) {
            throw new ServletException("ZT-6002 a filter named " + FILTER_NAME + " is already registered; remove it from web.xml");
        }
        installAuditTrail(context, audit);
        registration.setAsyncSupported(true);
        // isMatchAfter=false: before every filter the application declares.
        registration.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC), false, "/*");
        context.log("ZT-6000 zero trust filter active for every path; public paths: "
                + settings.publicPaths().rules().stream().map(r -> r.pattern()).toList());
    }

    private static void installAuditTrail(ServletContext context, AuditConfiguration configuration) throws ServletException {
        AuditTrail trail = configuration.build();
        Audit.Installation installation;
        try {
            installation = Audit.install(trail);
        } catch (IllegalStateException e) {
            trail.close();
            context.log(e.getMessage());
            throw new ServletException(e.getMessage());
        }
        context.addListener(new ServletContextListener() {
            @Override
            public void contextDestroyed(ServletContextEvent event) {
                installation.close();
                trail.close();
            }
        });
        context.log("ZT-6003 audit trail installed: " + configuration.describe());
    }

    /** System property, then environment variable, then servlet context init-param. */
    static String lookup(String key, ServletContext context) {
        String value = System.getProperty(key);
        if (value == null) {
            value = System.getenv(ConfigKeys.environmentName(key));
        }
        if (value == null) {
            value = context.getInitParameter(key);
        }
        return value;
    }
}
