package dev.zt.devissuer;

import java.util.Map;

/** RFC 6749 4.4: the client acts as itself; {@code sub} and {@code client_id} are its id. */
final class ClientCredentialsGrant implements TokenGrant {

    static final String GRANT_TYPE = "client_credentials";

    private final TokenMinter minter;

    ClientCredentialsGrant(TokenMinter minter) {
        this.minter = minter;
    }

    @Override
    public IssuedToken issue(DevClient client, Map<String, String> params) {
        String audience = TokenRequests.audience(params, client);
        return minter.mint(new TokenMinter.Grant(client.id(), audience, client.id(), TokenRequests.scopes(params, client),
                client.tenant().orElse(null), null, client.tokenLifetime()));
    }
}
