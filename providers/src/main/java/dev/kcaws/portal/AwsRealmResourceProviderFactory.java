package dev.kcaws.portal;

import dev.kcaws.setup.BundleSetup;
import dev.kcaws.portal.sts.StsCredentialsClient;
import org.keycloak.Config;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

import java.net.URI;
import java.util.List;

/** Mounts the user-facing AWS endpoints at {@code /realms/{realm}/aws}. */
public class AwsRealmResourceProviderFactory implements RealmResourceProviderFactory {

    public static final String PROVIDER_ID = "aws";
    /** {@code --spi-realm-restapi-extension--aws--sts-endpoint=https://…}: one STS for every partition (tests, VPC endpoints, proxies). */
    static final String STS_ENDPOINT = "sts-endpoint";

    private StsCredentialsClient sts;

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new RealmResourceProvider() {
            @Override
            public Object getResource() {
                return new AwsRealmResource(session, sts);
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public void init(Config.Scope config) {
        String endpoint = config.get(STS_ENDPOINT);
        // One SDK client per partition, immutable once built and shared by every request of this node.
        sts = new StsCredentialsClient(endpoint == null || endpoint.isBlank() ? null : URI.create(endpoint));
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        // The model guards and the admin page client, registered once whichever of the bundle's providers are enabled.
        BundleSetup.register(factory);
    }

    @Override
    public void close() {
        if (sts != null) {
            sts.close();
        }
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name(STS_ENDPOINT).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("STS endpoint for access keys, instead of each partition's public one").add()
                .build();
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
