package dev.zt.cdi;

import dev.zt.cdi.fixtures.strict.PaymentService;
import jakarta.enterprise.inject.spi.DeploymentException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.ShouldThrowException;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A strict guarded package with unguarded public methods: the container refuses the deployment.
 * Arquillian fails this test if the deployment succeeds. StrictModeIT checks the message.
 */
@ExtendWith(ArquillianExtension.class)
class StrictDeploymentIT {

    @Deployment
    @ShouldThrowException(DeploymentException.class)
    static JavaArchive application() {
        return ShrinkWrap.create(JavaArchive.class, "payments.jar")
                .addPackage(PaymentService.class.getPackage())
                .addAsManifestResource(new StringAsset(ExtensionRegistrationIT.BEANS_XML), "beans.xml");
    }

    @Test
    void deployWhenStrictPackageHasUnguardedMethodsThenContainerRefusesIt() {
        // The assertion is the deployment failure declared by @ShouldThrowException.
    }
}
