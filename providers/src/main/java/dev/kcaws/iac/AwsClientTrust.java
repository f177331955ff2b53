package dev.kcaws.iac;

import dev.kcaws.aws.Partition;
import dev.kcaws.aws.SigninEndpoint;

import java.util.Objects;

/**
 * What one AWS client of the realm means for the roles that trust the realm: where it posts (the
 * audience AWS checks with {@code SAML:aud}) and whether its mapper may send session tags or a
 * source identity (each needs its own action in the trust policy, or AWS refuses the login).
 */
public record AwsClientTrust(SigninEndpoint endpoint, boolean sendsSessionTags, boolean sendsSourceIdentity) {

    public AwsClientTrust {
        Objects.requireNonNull(endpoint, "endpoint");
    }

    public static AwsClientTrust plain(SigninEndpoint endpoint) {
        return new AwsClientTrust(endpoint, false, false);
    }

    public Partition partition() {
        return endpoint.partition();
    }
}
