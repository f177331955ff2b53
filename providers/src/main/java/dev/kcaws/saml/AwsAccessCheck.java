package dev.kcaws.saml;

import dev.kcaws.access.AccessEvents;

import dev.kcaws.client.AwsErrorPage;
import dev.kcaws.client.UserMessages;
import dev.kcaws.client.MapperSettings;
import dev.kcaws.client.AwsClients;
import dev.kcaws.identitycenter.IdentityCenterClients;
import dev.kcaws.identitycenter.IdentityCenterSignIn;

import dev.kcaws.aws.AwsRuleViolation;
import dev.kcaws.setup.BundleSetup;
import org.keycloak.Config;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.util.JsonSerialization;

import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * Runs after the user is authenticated and before Keycloak builds the SAML response: if the
 * login would send AWS nothing valid (no access, the chosen role not held, too many roles for
 * AWS's size cap, a required tag invalid; for the Identity Center client: no NameID Identity
 * Center accepts, an ABAC value STS refuses), the user gets a clear page and AWS gets nothing.
 * Keycloak calls {@code evaluateTriggers} of every enabled required action on every login; that
 * is the only hook between authentication and the protocol response that needs no flow changes.
 */
public class AwsAccessCheck implements RequiredActionProvider, RequiredActionFactory {

    public static final String PROVIDER_ID = "aws-access-check";
    private static final String REFUSAL_MESSAGE = "kcaws.refusal.message";
    private static final String REFUSAL_PARAMETERS = "kcaws.refusal.parameters";
    private static final String REFUSAL_REASON = "kcaws.refusal.reason";

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        if (IdentityCenterClients.isIdentityCenterClient(authSession.getClient())) {
            // Identity Center: the same page when its NameID or an ABAC attribute cannot be sent.
            IdentityCenterSignIn signIn = IdentityCenterSignIn.decide(context.getRealm(), authSession.getClient(), context.getUser());
            apply(authSession, signIn.refused() ? SignInDecision.refuse(signIn.refusal().reason(), signIn.refusal().messageKey(),
                    signIn.refusal().parameters().stream().map(p -> p instanceof AwsRuleViolation rule
                            ? UserMessages.rule(context.getSession(), context.getRealm(), context.getUser(), rule) : String.valueOf(p))
                            .toArray(String[]::new)) : null);
            return;
        }
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
                    .orElse(SignInDecision.refuse(SignInRefusal.INVALID_LINK, "kcawsInvalidLink"));
        } catch (AwsRuleViolation e) {
            // Stored before imports and saves were checked: say so, rather than fail as bad credentials.
            decision = SignInDecision.refuse(SignInRefusal.MAPPER_SETTING, "kcawsInvalidMapperSetting", e.field());
        }
        apply(authSession, decision.refused() ? decision : null);
        if (!decision.refused() && choice.isPresent()) {
            describe(context.getEvent(), choice.get(), decision.plan());
        }
    }

    /**
     * The roles the login sends, on the login's own event builder: Keycloak builds the {@code LOGIN}
     * event with the builder it hands to the required actions' triggers
     * ({@code AuthenticationManager.finishedRequiredActions}, 26.4 to 26.7), so the details reach it.
     */
    static void describe(EventBuilder event, LaunchChoice choice, AssertionPlan plan) {
        if (!choice.isAll()) {
            AccessEvents.pair(event, choice.account(), choice.permissionSet()).detail(AccessEvents.DETAIL_CHANNEL, AccessEvents.CHANNEL_SHORTCUT);
            return;
        }
        event.detail(AccessEvents.DETAIL_CHANNEL, AccessEvents.CHANNEL_CONSOLE);
        AccessEvents.offered(event, plan == null ? List.of()
                : plan.rolePairs().stream().map(p -> p.account().value() + ":" + p.roleName()).toList());
    }

    /** A refusal shows the page (the challenge below); none lets the login go on to the response. */
    private static void apply(AuthenticationSessionModel authSession, SignInDecision refused) {
        if (refused != null) {
            // Kept as key and parameters: the page is rendered in the user's language when it is shown.
            authSession.setAuthNote(REFUSAL_MESSAGE, refused.refusal().messageKey());
            authSession.setAuthNote(REFUSAL_PARAMETERS, writeParameters(refused.refusal().parameters()));
            authSession.setAuthNote(REFUSAL_REASON, refused.refusal().reason());
            authSession.addRequiredAction(PROVIDER_ID);
        } else {
            authSession.removeRequiredAction(PROVIDER_ID);
        }
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        String message = Optional.ofNullable(authSession.getAuthNote(REFUSAL_MESSAGE)).orElse("kcawsSignInNotPossible");
        EventBuilder event = context.getEvent().detail(Details.REASON, authSession.getAuthNote(REFUSAL_REASON));
        // Besides the reason, the one role asked for, when the login names one.
        LaunchChoice.fromNote(authSession.getClientNote(LaunchChoice.NOTE)).filter(c -> !c.isAll())
                .ifPresent(c -> AccessEvents.pair(event, c.account(), c.permissionSet()));
        // Keycloak's standard error for a user who may not use the client; the reason says why.
        event.error(Errors.ACCESS_DENIED);
        Response page = AwsErrorPage.render(context.getSession(), context.form(), Response.Status.FORBIDDEN,
                authSession.getAuthNote(REFUSAL_REASON), message, readParameters(authSession.getAuthNote(REFUSAL_PARAMETERS)));
        context.challenge(page);
    }

    private static String writeParameters(List<String> parameters) {
        try {
            return JsonSerialization.writeValueAsString(parameters);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object[] readParameters(String json) {
        if (json == null) {
            return new Object[0];
        }
        try {
            return JsonSerialization.readValue(json, String[].class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        BundleSetup.register(factory);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public void close() {
    }
}
