package dev.zt.core;

/**
 * What kind of party an {@link Actor} is. Derived from the verified token by the claim mapping of
 * the {@link TokenPolicy}, or set explicitly for work that does not start with a token.
 */
public enum ActorKind {
    /** A person, signed in at an identity provider. */
    USER,
    /** A service calling another service on its own account (e.g. OAuth client credentials). */
    SERVICE,
    /** A background worker: a scheduled job, a message consumer, a batch step. */
    WORKER,
    /** A CI/CD pipeline run. */
    PIPELINE
}
