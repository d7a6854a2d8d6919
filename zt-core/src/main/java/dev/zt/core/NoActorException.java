package dev.zt.core;

/**
 * Thrown when code that needs an actor runs without one. There is no anonymous actor: the answer
 * to "no actor" is always "no access".
 */
public final class NoActorException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public NoActorException() {
        super("ZT-1001 no actor in this unit of work: access denied (establish one with the zt filter or ActorContext.runAs)");
    }
}
