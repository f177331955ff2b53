package dev.kcaws.admin;

import dev.kcaws.aws.Partition;
import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

/** The Identity Center instance's region, read from the SCIM push's endpoint for the Terraform variable's default. */
class IdentityCenterCodeResourceTest {

    @Test
    void theRegionOfIdentityCentersScimEndpoint() {
        assertThat(IdentityCenterCodeResource.regionOf(URI.create("https://scim.eu-west-1.amazonaws.com/AbC123-tenant/scim/v2/")).name()).isEqualTo("eu-west-1");
        assertThat(IdentityCenterCodeResource.regionOf(URI.create("https://scim.us-gov-west-1.amazonaws.com/t/scim/v2/")).partition())
                .isEqualTo(Partition.AWS_US_GOV);
        assertThat(IdentityCenterCodeResource.regionOf(URI.create("https://scim.cn-north-1.amazonaws.com.cn/t/scim/v2/")).name()).isEqualTo("cn-north-1");
    }

    @Test
    void anyOtherHostSaysNothing() {
        assertThat(IdentityCenterCodeResource.regionOf(URI.create("http://127.0.0.1:8443/scim/v2/"))).isNull();
        assertThat(IdentityCenterCodeResource.regionOf(URI.create("https://scim.nowhere-9.amazonaws.com/t/scim/v2/"))).isNull();
        assertThat(IdentityCenterCodeResource.regionOf(URI.create("https://scim.eu-west-1.amazonaws.com.evil.example/t/"))).isNull();
        assertThat(IdentityCenterCodeResource.regionOf(URI.create("https://x.scim.eu-west-1.amazonaws.com/t/"))).isNull();
    }
}
