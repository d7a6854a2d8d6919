package dev.zt.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import jakarta.persistence.Persistence;
import org.junit.jupiter.api.Test;

/** zt refuses to start a persistence unit with tenant-scoped entities but without its settings. */
class ConfigurationIT {

    @Test
    void factoryWithoutZtSettings_failsToStart() {
        Throwable thrown = catchThrowable(() -> Persistence.createEntityManagerFactory("zt-unconfigured",
                TestDatabase.h2("zt-unconfigured").jpaProperties()).close());
        assertThat(Violations.codeOf(thrown)).isEqualTo("ZT-4010");
    }

    @Test
    void factoryWithZtSettings_starts() {
        var props = TestDatabase.h2("zt-configured").jpaProperties();
        props.putAll(ZtJpaSettings.hibernateSettings());
        Persistence.createEntityManagerFactory("zt-unconfigured", props).close();
    }
}
