package dev.kcaws.template;

import dev.kcaws.client.AdminPageClient;
import dev.kcaws.client.CliClient;
import dev.kcaws.client.DefaultAwsClient;
import dev.kcaws.client.PortalClient;

import dev.kcaws.access.AccessStore;
import dev.kcaws.aws.AwsRule;
import dev.kcaws.aws.AwsRuleViolation;
import dev.kcaws.keycloak.ClientCreation;
import dev.kcaws.saml.AwsAccessCheck;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionProviderModel;
import org.keycloak.protocol.saml.SamlProtocol;
import org.keycloak.representations.idm.ClientRepresentation;

import java.util.Map;

/** Creates the template's client in a realm, with what a working AWS login needs around it. */
public final class AwsClientInstaller {

    /** A conflict the admin must resolve first; nothing was changed. */
    public static final class Conflict extends RuntimeException {
        private final transient AwsRuleViolation violation;

        Conflict(String field, AwsRule rule, Object... params) {
            this(new AwsRuleViolation(field, rule, params));
        }

        private Conflict(AwsRuleViolation violation) {
            super(violation.rule());
            this.violation = violation;
        }

        /** The request field that collides. */
        public String field() {
            return violation.field();
        }

        /** The collision as the admin API answers it: the field, the rule's key and values. */
        public AwsRuleViolation violation() {
            return violation;
        }
    }

    private AwsClientInstaller() {
    }

    public static ClientModel install(KeycloakSession session, RealmModel realm, AwsClientOptions options) {
        ClientRepresentation rep = AwsClientTemplate.render(realm.getName(), options);
        if (realm.getClientByClientId(rep.getClientId()) != null) {
            throw new Conflict("clientId", AwsRule.CLIENT_ID_EXISTS, rep.getClientId());
        }
        boolean urlNameTaken = session.clients().searchClientsByAttributes(realm,
                Map.of(SamlProtocol.SAML_IDP_INITIATED_SSO_URL_NAME, options.urlName()), 0, 1).findAny().isPresent();
        if (urlNameTaken) {
            throw new Conflict("urlName", AwsRule.URL_NAME_TAKEN, options.urlName());
        }
        // The model lock first: the partition's default is read and written as one step with any other change.
        AccessStore store = AccessStore.forWriting(session, realm);
        keepServingClient(store, DefaultAwsClient.of(realm, options.endpoint().partition()), rep.getClientId());
        ClientModel client = ClientCreation.create(session, realm, rep);
        PortalClient.ensure(realm);
        AdminPageClient.ensure(realm);
        CliClient.ensure(realm);
        enableAccessCheck(realm);
        return client;
    }

    /**
     * A new client never takes over a partition's shortcut links and access keys: the first of a
     * partition becomes its default, and when an unchosen one serves now (an imported realm's only
     * client) it is stored as the default before this one could make the choice ambiguous.
     */
    private static void keepServingClient(AccessStore store, DefaultAwsClient before, String newClientId) {
        if (before.chosenClientId() != null) {
            return;
        }
        if (before.problem() == DefaultAwsClient.Problem.NONE) {
            DefaultAwsClient.choose(store, before.partition(), newClientId);
        } else if (before.client() != null) {
            DefaultAwsClient.choose(store, before.client());
        }
    }

    /** The access check stops refused logins before a response is built; it must be on wherever AWS clients are. */
    public static void enableAccessCheck(RealmModel realm) {
        RequiredActionProviderModel model = realm.getRequiredActionProviderByAlias(AwsAccessCheck.PROVIDER_ID);
        if (model == null) {
            model = new RequiredActionProviderModel();
            model.setAlias(AwsAccessCheck.PROVIDER_ID);
            model.setProviderId(AwsAccessCheck.PROVIDER_ID);
            model.setName("AWS access check");
            model.setEnabled(true);
            model.setDefaultAction(false);
            model.setPriority(1000);
            realm.addRequiredActionProvider(model);
        } else if (!model.isEnabled()) {
            model.setEnabled(true);
            realm.updateRequiredActionProvider(model);
        }
    }
}
