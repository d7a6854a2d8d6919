package dev.zt.core;

import dev.zt.core.internal.audit.AuditJson;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One access decision, as an immutable value: when, what was decided and why, who asked (on whose
 * behalf and for what purpose), for which action on which resource, and how to correlate it. Built
 * with {@link #builder(Instant, Layer, Outcome, String)}; every field but time, layer, outcome and
 * reason is optional and absent when unknown (an unauthenticated request has no actor fields).
 *
 * <p>There is deliberately no field for a token, a signature or any other credential: an event
 * cannot leak what it protects. {@link #toJson()} gives the stable JSON form (field names in the
 * zt-core README, "Audit events").
 */
public final class AuditEvent {

    /** What was decided. */
    public enum Outcome { GRANTED, DENIED }

    /** Where the decision was taken. */
    public enum Layer {
        /** zt-filter: a request refused at the door (authentication, path scope rules). */
        FILTER,
        /** zt-cdi: a {@code @RequiresScope} method call granted or denied, a guard's denial. */
        CDI,
        /** zt-jpa: a tenant denial, a privileged cross-tenant operation, tenant-safe native SQL. */
        JPA,
        /** zt-client: a service token obtained (or refused) for a service-to-service call. */
        CLIENT
    }

    /** Longer {@link #detail()} values are cut to this many characters (and end in "..."). */
    public static final int MAX_DETAIL_LENGTH = 500;

    private final Instant time;
    private final Layer layer;
    private final Outcome outcome;
    private final String reason;
    private final String actorSubject;
    private final ActorKind actorKind;
    private final String actorTenant;
    private final List<String> delegation;
    private final String purpose;
    private final String clientId;
    private final String tokenId;
    private final String action;
    private final String target;
    private final String detail;
    private final String requestId;
    private final String traceId;
    private final String remoteAddress;

    private AuditEvent(Builder b) {
        this.time = b.time;
        this.layer = b.layer;
        this.outcome = b.outcome;
        this.reason = b.reason;
        this.actorSubject = b.actorSubject;
        this.actorKind = b.actorKind;
        this.actorTenant = b.actorTenant;
        this.delegation = b.delegation;
        this.purpose = b.purpose;
        this.clientId = b.clientId;
        this.tokenId = b.tokenId;
        this.action = b.action;
        this.target = b.target;
        this.detail = b.detail;
        this.requestId = b.requestId;
        this.traceId = b.traceId;
        this.remoteAddress = b.remoteAddress;
    }

    /**
     * @param reason a stable id: a {@link RejectionReason#id()} or another {@code ZT-nnnn}
     */
    public static Builder builder(Instant time, Layer layer, Outcome outcome, String reason) {
        return new Builder(time, layer, outcome, reason);
    }

    public Instant time() { return time; }
    public Layer layer() { return layer; }
    public Outcome outcome() { return outcome; }
    /** The stable reason id, e.g. {@code ZT-2012}. */
    public String reason() { return reason; }
    public Optional<String> actorSubject() { return Optional.ofNullable(actorSubject); }
    public Optional<ActorKind> actorKind() { return Optional.ofNullable(actorKind); }
    public Optional<String> actorTenant() { return Optional.ofNullable(actorTenant); }
    /** The subjects of the delegation chain, nearest acting party first; empty when not delegated. */
    public List<String> delegation() { return delegation; }
    public Optional<String> purpose() { return Optional.ofNullable(purpose); }
    public Optional<String> clientId() { return Optional.ofNullable(clientId); }
    /** The token's {@code jti}, an identifier, never the token. */
    public Optional<String> tokenId() { return Optional.ofNullable(tokenId); }
    /** E.g. {@code GET /api/orders} (canonical path) or {@code OrderService#cancel}. */
    public Optional<String> action() { return Optional.ofNullable(action); }
    public Optional<String> target() { return Optional.ofNullable(target); }
    /** What else explains the decision, e.g. the scopes a call lacked; never a credential or row contents. */
    public Optional<String> detail() { return Optional.ofNullable(detail); }
    public Optional<String> requestId() { return Optional.ofNullable(requestId); }
    /** The W3C trace-id (32 lower-case hex digits) of a valid {@code traceparent}. */
    public Optional<String> traceId() { return Optional.ofNullable(traceId); }
    public Optional<String> remoteAddress() { return Optional.ofNullable(remoteAddress); }

    /** One JSON object on one line, absent fields omitted, every string escaped. */
    public String toJson() {
        return AuditJson.write(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AuditEvent e && toJson().equals(e.toJson());
    }

    @Override
    public int hashCode() {
        return toJson().hashCode();
    }

    @Override
    public String toString() {
        return "AuditEvent" + toJson();
    }

    /** Builds an {@link AuditEvent}; {@code null} leaves a field absent. */
    public static final class Builder {
        private final Instant time;
        private final Layer layer;
        private final Outcome outcome;
        private final String reason;
        private String actorSubject;
        private ActorKind actorKind;
        private String actorTenant;
        private List<String> delegation = List.of();
        private String purpose;
        private String clientId;
        private String tokenId;
        private String action;
        private String target;
        private String detail;
        private String requestId;
        private String traceId;
        private String remoteAddress;

        private Builder(Instant time, Layer layer, Outcome outcome, String reason) {
            this.time = Objects.requireNonNull(time, "time");
            this.layer = Objects.requireNonNull(layer, "layer");
            this.outcome = Objects.requireNonNull(outcome, "outcome");
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("an audit event needs a reason id such as ZT-2000");
            }
            this.reason = reason;
        }

        /** Subject, kind, tenant, delegation chain, purpose, client id and token id of a verified actor. */
        public Builder actor(Actor actor) {
            this.actorSubject = actor.subject();
            this.actorKind = actor.kind();
            this.actorTenant = actor.tenant().orElse(null);
            List<ActingParty> chain = actor.actingParties();
            this.delegation = chain.isEmpty() ? List.of() : chain.stream().map(ActingParty::subject).toList();
            this.purpose = actor.purpose().orElse(null);
            this.clientId = actor.clientId().orElse(null);
            this.tokenId = actor.tokenId().orElse(null);
            return this;
        }

        public Builder actorSubject(String subject) { this.actorSubject = subject; return this; }
        public Builder actorKind(ActorKind kind) { this.actorKind = kind; return this; }
        public Builder actorTenant(String tenant) { this.actorTenant = tenant; return this; }
        public Builder delegation(List<String> subjects) { this.delegation = List.copyOf(subjects); return this; }
        public Builder purpose(String purpose) { this.purpose = purpose; return this; }
        public Builder clientId(String clientId) { this.clientId = clientId; return this; }
        public Builder tokenId(String tokenId) { this.tokenId = tokenId; return this; }
        public Builder action(String action) { this.action = action; return this; }
        public Builder target(String target) { this.target = target; return this; }

        /** Cut to {@value AuditEvent#MAX_DETAIL_LENGTH} characters. */
        public Builder detail(String detail) {
            this.detail = detail == null || detail.length() <= MAX_DETAIL_LENGTH ? detail
                    : detail.substring(0, MAX_DETAIL_LENGTH - 3) + "...";
            return this;
        }

        /** Request id, trace-id and remote address of {@code correlation}. */
        public Builder correlation(RequestCorrelation correlation) {
            this.requestId = correlation.requestId();
            this.traceId = correlation.traceId();
            this.remoteAddress = correlation.remoteAddress();
            return this;
        }
        public Builder requestId(String requestId) { this.requestId = requestId; return this; }
        public Builder traceId(String traceId) { this.traceId = traceId; return this; }
        public Builder remoteAddress(String remoteAddress) { this.remoteAddress = remoteAddress; return this; }

        public AuditEvent build() {
            return new AuditEvent(this);
        }
    }
}
