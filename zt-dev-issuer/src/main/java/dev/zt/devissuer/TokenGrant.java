package dev.zt.devissuer;

import java.util.Map;

/** One OAuth grant type: turns an authenticated client's request into a token, or throws an {@link OAuthError}. */
interface TokenGrant {

    IssuedToken issue(DevClient client, Map<String, String> params);
}
