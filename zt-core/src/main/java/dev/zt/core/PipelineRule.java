package dev.zt.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One explicit grant for CI pipeline tokens (GitHub Actions-style OIDC claims): when a token's
 * claims equal <em>every</em> value this rule names, the pipeline actor gets the rule's scopes.
 * Matching is exact string equality: {@code acme/app} does not match {@code acme/app-evil}, and
 * {@code refs/heads/main} does not match {@code refs/heads/main-evil}. There are no wildcards.
 *
 * <pre>{@code
 * PipelineRule.repository("acme/app").ref("refs/heads/main").environment("production").grants("deploy:production")
 * }</pre>
 */
public final class PipelineRule {

    private final Map<String, String> required;
    private final Set<String> scopes;

    private PipelineRule(Map<String, String> required, Set<String> scopes) {
        this.required = Map.copyOf(required);
        this.scopes = Set.copyOf(scopes);
    }

    /** Starts a rule for tokens whose {@code repository} claim is exactly {@code repository}. */
    public static Builder repository(String repository) {
        return new Builder().claim("repository", repository);
    }

    /** The claim values a token must carry, exactly. */
    public Map<String, String> required() {
        return required;
    }

    public Set<String> scopes() {
        return scopes;
    }

    /** True if every required claim of the token equals this rule's value. */
    public boolean matches(Map<String, String> claims) {
        for (Map.Entry<String, String> entry : required.entrySet()) {
            if (!entry.getValue().equals(claims.get(entry.getKey()))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "PipelineRule" + required + " -> " + scopes;
    }

    /** Builds a {@link PipelineRule}. */
    public static final class Builder {
        /** The claims a rule may name. */
        public static final Set<String> CLAIMS = Set.of("repository", "ref", "environment", "workflow", "job_workflow_ref");

        private final Map<String, String> required = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder ref(String ref) {
            return claim("ref", ref);
        }

        public Builder environment(String environment) {
            return claim("environment", environment);
        }

        public Builder workflow(String workflow) {
            return claim("workflow", workflow);
        }

        public Builder jobWorkflowRef(String jobWorkflowRef) {
            return claim("job_workflow_ref", jobWorkflowRef);
        }

        /** Requires claim {@code name} (one of {@link #CLAIMS}) to equal {@code value}. */
        public Builder claim(String name, String value) {
            if (!CLAIMS.contains(name)) {
                throw new IllegalArgumentException("a pipeline rule can require only " + CLAIMS + ", not '" + name + "'");
            }
            Objects.requireNonNull(value, name);
            if (value.isBlank() || value.contains("*")) {
                throw new IllegalArgumentException("pipeline rule value for " + name + " must be an exact, non-blank value (no wildcards)");
            }
            required.put(name, value);
            return this;
        }

        public PipelineRule grants(String... scopes) {
            List<String> list = List.of(scopes);
            if (list.isEmpty() || !list.stream().allMatch(Scopes::isValidScopeToken)) {
                throw new IllegalArgumentException("a pipeline rule must grant valid RFC 6749 scope tokens");
            }
            return new PipelineRule(required, Set.copyOf(list));
        }
    }
}
