package dev.kcaws.portal;

import dev.kcaws.access.Access;
import dev.kcaws.access.AccessStore;
import dev.kcaws.aws.SessionDuration;
import dev.kcaws.client.DefaultAwsClient;
import dev.kcaws.portal.sts.StsCredentialsClient;
import dev.kcaws.portal.sts.StsFailure;
import dev.kcaws.portal.sts.TemporaryCredentials;
import dev.kcaws.saml.LaunchChoice;
import dev.kcaws.saml.OneRoleAssertion;
import org.keycloak.common.util.Time;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;

import jakarta.ws.rs.core.Response;

import java.util.Optional;

/**
 * Temporary credentials for exactly one role of a signed-in user: the decision and STS call shared
 * by the portal's access-keys button and the CLI's exchange. The user must hold the pair at this
 * moment; the one-role assertion is made through Keycloak's SAML protocol for the user's session
 * with the partition's serving AWS client, then handed to STS {@code AssumeRoleWithSAML}. Each
 * caller renders the outcome its own way (a page, JSON); nothing here is logged or kept.
 */
public final class OneRoleCredentials {

    /** What the exchange ended with. */
    public sealed interface Outcome permits Issued, Refused {
    }

    /** The credentials for {@code access}. */
    public record Issued(Access access, TemporaryCredentials credentials) implements Outcome {
    }

    /**
     * Nothing issued: the HTTP status the portal answers with, the message key and its parameters.
     * {@code reason} says which refusal it is, for callers that name it (the CLI's error codes).
     */
    public record Refused(Reason reason, Response.Status status, String messageKey, String... parameters) implements Outcome {
    }

    /** Why nothing was issued. */
    public enum Reason {
        /** The user does not hold the pair now (never, removed, or outside its window). */
        NOT_HELD,
        /** No AWS client serves the account's partition (or the admin's choice is unusable). */
        NO_AWS_CLIENT,
        /** The mapper refused the assertion after the check (the access went in between). */
        ASSERTION_REFUSED,
        /** STS answered with an error. */
        STS_REFUSED,
        /** STS could not be reached or its answer not read. */
        STS_UNREACHABLE
    }

    private OneRoleCredentials() {
    }

    /** Decides and, if the user holds {@code choice} now, calls STS; {@code choice} names one pair. */
    public static Outcome issue(KeycloakSession session, RealmModel realm, UserModel user, UserSessionModel userSession,
                                LaunchChoice choice, StsCredentialsClient sts) {
        AccessStore store = AccessStore.of(realm);
        Optional<Access> held = store.heldAccess(user, choice.account(), choice.permissionSet());
        if (held.isEmpty()) {
            return new Refused(Reason.NOT_HELD, Response.Status.FORBIDDEN, "kcawsNotAssigned", choice.account().value(),
                    choice.permissionSet().value());
        }
        DefaultAwsClient serving = DefaultAwsClient.of(realm, held.get().account().partition());
        Optional<ClientModel> client = serving.serving();
        if (client.isEmpty()) {
            // 404 when the realm has none for the partition, 503 when the admin's choice is missing.
            return new Refused(Reason.NO_AWS_CLIENT,
                    serving.problem() == DefaultAwsClient.Problem.NONE ? Response.Status.NOT_FOUND : Response.Status.SERVICE_UNAVAILABLE,
                    serving.problem().messageKey(), serving.partition().id());
        }
        Optional<String> assertion = OneRoleAssertion.issue(session, realm, client.get(), userSession, choice);
        if (assertion.isEmpty()) {
            return new Refused(Reason.ASSERTION_REFUSED, Response.Status.FORBIDDEN, "kcawsKeysNotIssued");
        }
        // Credentials of a time-bound access end with it (as far as STS's 900-second minimum allows).
        SessionDuration duration = held.get().permissionSet().sessionDuration()
                .endingBy(store.accessEnd(user, choice.account(), choice.permissionSet()).orElse(null), Time.currentTimeMillis());
        try {
            return new Issued(held.get(), sts.assumeRoleWithSaml(held.get().rolePair(), assertion.get(), duration.seconds()));
        } catch (StsFailure e) {
            return e.refusedByAws()
                    ? new Refused(Reason.STS_REFUSED, Response.Status.BAD_GATEWAY, "kcawsStsRefused", e.errorCode(), e.awsMessage())
                    : new Refused(Reason.STS_UNREACHABLE, Response.Status.BAD_GATEWAY, "kcawsStsUnreachable", e.awsMessage());
        }
    }
}
