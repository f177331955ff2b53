package dev.kcaws.client;

import dev.kcaws.aws.Partition;
import dev.kcaws.aws.SigninEndpoint;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.protocol.saml.SamlProtocol;

import java.util.Optional;

/** Recognises the realm's AWS clients: SAML clients that carry the role-pair mapper. */
public final class AwsClients {

    /** The provider ID of the role-pair mapper ({@code dev.kcaws.saml.AwsRolePairMapper}) that makes a SAML client an AWS client. */
    public static final String ROLE_PAIR_MAPPER_ID = "aws-role-pair-mapper";

    private AwsClients() {
    }

    public static Optional<ProtocolMapperModel> roleMapperOf(ClientModel client) {
        if (client == null || !SamlProtocol.LOGIN_PROTOCOL.equals(client.getProtocol())) {
            return Optional.empty();
        }
        return client.getProtocolMappersStream()
                .filter(m -> ROLE_PAIR_MAPPER_ID.equals(m.getProtocolMapper()))
                .findFirst();
    }

    /** The partition the client signs in to, read from where it posts; aws when that is not an AWS endpoint. */
    public static Partition partitionOf(ClientModel client) {
        return SigninEndpoint.parse(client.getAttribute(SamlProtocol.SAML_ASSERTION_CONSUMER_URL_POST_ATTRIBUTE))
                .map(SigninEndpoint::partition).orElse(Partition.AWS);
    }
}
