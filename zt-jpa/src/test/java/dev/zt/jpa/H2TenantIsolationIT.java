package dev.zt.jpa;

/** The isolation suite on an in-memory H2 database. */
class H2TenantIsolationIT extends TenantIsolationContract {

    @Override
    TestDatabase database() {
        return TestDatabase.h2("zt-isolation");
    }
}
