package dev.zt.cdi.internal;

import dev.zt.cdi.AccessDecision;
import dev.zt.cdi.RequiresScope;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * Enforces {@link RequiresScope}. Enabled for the whole application by its {@link Priority} (no
 * {@code beans.xml} entry) and registered by {@link dev.zt.cdi.ZeroTrustExtension}. It runs early, in
 * the platform-before range and ahead of transactional interceptors ({@code PLATFORM_BEFORE + 200}),
 * so that a denied call opens no transaction.
 */
@RequiresScope
@Interceptor
@Priority(ScopeInterceptor.PRIORITY)
public class ScopeInterceptor {

    /** {@code Interceptor.Priority.PLATFORM_BEFORE + 100}. */
    public static final int PRIORITY = Interceptor.Priority.PLATFORM_BEFORE + 100;

    private final ScopeEnforcer enforcer;

    @Inject
    public ScopeInterceptor(MethodRules rules, Event<AccessDecision> decisions) {
        this.enforcer = new ScopeEnforcer(rules, decisions::fire);
    }

    @AroundInvoke
    public Object enforce(InvocationContext invocation) throws Exception {
        enforcer.enforce(invocation.getTarget().getClass(), invocation.getMethod());
        return invocation.proceed();
    }
}
