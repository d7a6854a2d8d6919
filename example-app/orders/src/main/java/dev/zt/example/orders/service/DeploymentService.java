package dev.zt.example.orders.service;

import dev.zt.cdi.RequiresScope;
import dev.zt.core.Actor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.logging.Logger;

/**
 * A deploy-style operation, as a CI pipeline would call it. Only an actor holding
 * {@code deploy:production} gets in; in the example that is a pipeline of the CI issuer whose
 * {@code repository}, {@code ref} and {@code environment} match the configured pipeline rule
 * exactly ({@code zt.issuers.ci.pipeline-rules}). Users have no such scope, and a pipeline's own
 * {@code scope} claim is never read. Nothing is really deployed: the request is recorded in the log
 * and answered.
 */
@ApplicationScoped
public class DeploymentService {

    private static final Logger LOG = Logger.getLogger(DeploymentService.class.getName());

    private final Provider<Actor> caller;

    @Inject
    public DeploymentService(Provider<Actor> caller) {
        this.caller = caller;
    }

    /** For the CDI proxy. */
    protected DeploymentService() {
        this(null);
    }

    @RequiresScope("deploy:production")
    public Deployment deploy(String version) {
        Actor actor = caller.get();
        LOG.info(() -> "deployment of " + version + " accepted from " + actor.kind() + " " + actor.subject());
        return new Deployment(version, actor.subject(), actor.kind().name());
    }
}
