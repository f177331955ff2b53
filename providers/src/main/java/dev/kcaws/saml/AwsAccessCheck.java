package dev.kcaws.saml;

import dev.kcaws.client.AwsClients;

import dev.kcaws.aws.AwsRuleViolation;
import org.keycloak.Config;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.sessions.AuthenticationSessionModel;

import jakarta.ws.rs.core.Response;

import java.util.Optional;

/**
 * Runs after the user is authenticated and before Keycloak builds the SAML response: if the
 * login would send AWS nothing valid (no access, the chosen role not held, too many roles for
 * AWS's size cap, a required tag invalid), the user gets a clear page and AWS gets nothing.
 * Keycloak calls {@code evaluateTriggers} of every enabled required action on every login; that
 * is the only hook between authentication and the protocol response that needs no flow changes.
 */
public class AwsAccessCheck implements RequiredActionProvider, RequiredActionFactory {

    public static final String PROVIDER_ID = "aws-access-check";
    private static final String REFUSAL_MESSAGE = "kcaws.refusal.message";
    private static final String REFUSAL_REASON = "kcaws.refusal.reason";

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        Optional<ProtocolMapperModel> mapper = AwsClients.roleMapperOf(authSession.getClient());
        if (mapper.isEmpty()) {
            return;
        }
        // A plain login must not reuse the one-role choice an earlier login left in the client session.
        if (authSession.getClientNote(LaunchChoice.NOTE) == null) {
            authSession.setClientNote(LaunchChoice.NOTE, LaunchChoice.ALL.noteValue());
        }
        Optional<LaunchChoice> choice = LaunchChoice.fromNote(authSession.getClientNote(LaunchChoice.NOTE));
        SignInDecision decision;
        try {
            MapperSettings settings = MapperSettings.from(mapper.get().getConfig());
            decision = choice
                    .map(c -> SignInResolver.decide(context.getSession(), context.getRealm(), authSession.getClient(), context.getUser(), c,
                            settings))
                    .orElse(SignInDecision.refuse(SignInRefusal.NOT_ASSIGNED, "This AWS sign-in link is not valid."));
        } catch (AwsRuleViolation e) {
            // Stored before imports and saves were checked: say so, rather than fail as bad credentials.
            decision = SignInDecision.refuse(SignInRefusal.MAPPER_SETTING, "AWS sign-in is not possible: this AWS application's "
                    + "role-pair mapper setting " + e.field() + " is not valid. Ask your administrator to correct it.");
        }
        if (decision.refused()) {
            authSession.setAuthNote(REFUSAL_MESSAGE, decision.refusal().userMessage());
            authSession.setAuthNote(REFUSAL_REASON, decision.refusal().reason());
            authSession.addRequiredAction(PROVIDER_ID);
        } else {
            authSession.removeRequiredAction(PROVIDER_ID);
        }
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        String message = Optional.ofNullable(authSession.getAuthNote(REFUSAL_MESSAGE)).orElse("AWS sign-in is not possible.");
        context.getEvent().detail("aws_refusal", authSession.getAuthNote(REFUSAL_REASON)).error("aws_access_denied");
        Response page = context.form().setError(message).createErrorPage(Response.Status.FORBIDDEN);
        context.challenge(page);
    }

    @Override
    public void processAction(RequiredActionContext context) {
        requiredActionChallenge(context);
    }

    @Override
    public String getDisplayText() {
        return "AWS access check";
    }

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return this;
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public void close() {
    }
}
