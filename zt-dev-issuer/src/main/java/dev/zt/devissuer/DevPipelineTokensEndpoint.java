package dev.zt.devissuer;

import java.time.Duration;
import java.util.Map;

/**
 * {@code POST /dev/pipeline-tokens}, DEVELOPMENT ONLY: a CI pipeline OIDC token (GitHub
 * Actions-style, see {@link PipelineTokens}) for any repository, ref and environment. Form or JSON
 * body: {@code repository}, {@code ref}, {@code environment}, {@code audience} (required),
 * {@code workflow} (default {@value #DEFAULT_WORKFLOW}), {@code expires_in} (seconds). Answers JSON,
 * or the bare token for {@code Accept: text/plain}.
 */
final class DevPipelineTokensEndpoint extends DevMintingEndpoint {

    static final String PATH = "/dev/pipeline-tokens";
    static final String DEFAULT_WORKFLOW = "deploy";

    private final PipelineTokens pipelineTokens;

    DevPipelineTokensEndpoint(PipelineTokens pipelineTokens, Duration defaultLifetime) {
        super(PATH, defaultLifetime);
        this.pipelineTokens = pipelineTokens;
    }

    @Override
    IssuedToken mint(Map<String, ?> params) {
        String workflow = string(params, "workflow");
        return pipelineTokens.mint(string(params, "repository"), string(params, "ref"),
                string(params, "environment"), workflow == null ? DEFAULT_WORKFLOW : workflow,
                string(params, "audience"), lifetime(params));
    }
}
