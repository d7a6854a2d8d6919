package dev.zt.keycloak.it;

/**
 * What {@code src/test/resources/keycloak/realm-*.json} define, for the tests. Every password and
 * secret here is a fake, test-only value that exists only in those files.
 */
final class Acme {

    static final String REALM = "acme";
    static final String OTHER_REALM = "other";

    static final String WEB_APP = "web-app";
    static final String ORDERS_SERVICE = "orders-service";
    static final String ORDERS_SERVICE_SECRET = "orders-service-test-secret-NOT-REAL";
    /** The id of orders-service's service-account user: the {@code sub} of its client-credentials tokens. */
    static final String ORDERS_SERVICE_ACCOUNT_ID = "33333333-3333-4333-8333-333333333333";
    static final String INVENTORY_SERVICE = "inventory-service";

    static final String ALICE = "alice";
    static final String ALICE_ID = "11111111-1111-4111-8111-111111111111";
    static final String ALICE_PASSWORD = "alice-test-password-NOT-REAL";
    static final String BOB = "bob";
    static final String BOB_ID = "22222222-2222-4222-8222-222222222222";
    static final String BOB_PASSWORD = "bob-test-password-NOT-REAL";
    /** A user of realm {@code other}, with the same tenant and audience as alice: only the issuer differs. */
    static final String MALLORY = "mallory";
    static final String MALLORY_PASSWORD = "mallory-test-password-NOT-REAL";

    private Acme() {
    }
}
