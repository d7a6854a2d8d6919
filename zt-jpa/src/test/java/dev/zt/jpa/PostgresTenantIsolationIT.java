package dev.zt.jpa;

/** The isolation suite on the PostgreSQL server of {@code .ci/postgres-setup.sh}, as the table owner. */
class PostgresTenantIsolationIT extends TenantIsolationContract {

    @Override
    TestDatabase database() {
        return TestDatabase.postgresOwner();
    }
}
