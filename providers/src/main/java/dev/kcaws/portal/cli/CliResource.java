package dev.kcaws.portal.cli;

import dev.kcaws.access.Access;
import dev.kcaws.access.AccessEvents;
import dev.kcaws.access.AccessStore;
import dev.kcaws.access.AwsAccount;
import dev.kcaws.aws.AccountId;
import dev.kcaws.aws.PermissionSetName;
import dev.kcaws.client.CliClient;
import dev.kcaws.client.EnglishMessages;
import dev.kcaws.keycloak.BearerTokens;
import dev.kcaws.portal.OneRoleCredentials;
import dev.kcaws.portal.sts.StsCredentialsClient;
import dev.kcaws.portal.sts.TemporaryCredentials;
import dev.kcaws.saml.LaunchChoice;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /realms/{realm}/aws/cli/}: what the command-line tool calls with an access token of the
 * client {@code aws-cli} (device sign-in). The roles the user holds now, and temporary credentials
 * for exactly one of them in AWS's {@code credential_process} format, decided and issued as the
 * portal's access keys are ({@link OneRoleCredentials}). Answers are JSON and never stored; the
 * token is never logged or returned. Each credentials request is a {@code TOKEN_EXCHANGE} event
 * naming the pair, refusals included (as errors with a reason).
 */
public class CliResource {

    static final String ACCOUNT = "account";
    static final String PERMISSION_SET = "permissionSet";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final StsCredentialsClient sts;
    private final CliAnswers answers;

    public CliResource(KeycloakSession session, RealmModel realm, StsCredentialsClient sts) {
        this.session = session;
        this.realm = realm;
        this.sts = sts;
        this.answers = new CliAnswers(session, realm);
    }

    /** The signed-in user behind the request's token, or the answer refusing it. */
    private record Caller(BearerTokens.Bearer bearer, Response refusal) {
    }

    /**
     * The roles the token's user holds now: account, its name, permission set, the region for
     * profiles (the account's, else its partition's home region), the partition, the session length,
     * and when the access ends ({@code null} when it does not).
     */
    @GET
    @Path("roles")
    @Produces(MediaType.APPLICATION_JSON)
    public Response roles() {
        Caller caller = caller(null);
        if (caller.refusal() != null) {
            return caller.refusal();
        }
        UserModel user = caller.bearer().user();
        AccessStore store = AccessStore.of(realm);
        Map<String, Instant> ends = store.accessEnds(user);
        List<Map<String, Object>> roles = store.effectiveAccess(user).stream().map(access -> role(access, ends.get(access.key()))).toList();
        return CliAnswers.ok(Map.of("roles", roles));
    }

    private static Map<String, Object> role(Access access, Instant notAfter) {
        AwsAccount account = access.account();
        Map<String, Object> role = new LinkedHashMap<>();
        role.put("accountId", account.id().value());
        role.put("accountName", account.name());
        role.put("permissionSet", access.permissionSet().name().value());
        role.put("region", account.region() != null ? account.region().name() : account.partition().homeRegion());
        role.put("partition", account.partition().id());
        role.put("sessionDuration", access.permissionSet().sessionDuration().seconds());
        role.put("notAfter", notAfter == null ? null : notAfter.toString());
        return role;
    }

    /**
     * Temporary credentials for one (account, permission set) the token's user holds now, as AWS's
     * {@code credential_process} JSON. Form fields {@code account} and {@code permissionSet}, URL-encoded
     * (any other body is a 400, {@link CliForm}).
     */
    @POST
    @Path("credentials")
    @Produces(MediaType.APPLICATION_JSON)
    public Response credentials() {
        EventBuilder event = new EventBuilder(realm, session, session.getContext().getConnection())
                .event(EventType.TOKEN_EXCHANGE)
                .client(CliClient.CLIENT_ID)
                .detail(AccessEvents.DETAIL_CHANNEL, AccessEvents.CHANNEL_CLI);
        Caller caller = caller(event);
        if (caller.refusal() != null) {
            return caller.refusal();
        }
        UserModel user = caller.bearer().user();
        event.user(user).session(caller.bearer().userSession());

        Optional<MultivaluedMap<String, String>> read = CliForm.read(session);
        if (read.isEmpty()) {
            event.detail(Details.REASON, "body not an application/x-www-form-urlencoded form").error(CliAnswers.INVALID_REQUEST);
            return answers.error(Response.Status.BAD_REQUEST, CliAnswers.INVALID_REQUEST, user, "kcawsCliFormRequired");
        }
        MultivaluedMap<String, String> form = read.get();
        String account = field(form, ACCOUNT);
        String permissionSet = field(form, PERMISSION_SET);
        Response badField = badField(form, ACCOUNT, account, "kcawsCliAccountInvalid", AccountId.isValid(account), user);
        if (badField == null) {
            badField = badField(form, PERMISSION_SET, permissionSet, "kcawsCliPermissionSetInvalid", PermissionSetName.isValid(permissionSet), user);
        }
        if (badField != null) {
            event.detail(Details.REASON, "malformed " + ACCOUNT + " or " + PERMISSION_SET).error(CliAnswers.INVALID_REQUEST);
            return badField;
        }
        AccountId accountId = new AccountId(account);
        PermissionSetName setName = new PermissionSetName(permissionSet);
        AccessEvents.pair(event, accountId, setName);

        AccessStore store = AccessStore.of(realm);
        if (store.account(accountId).isEmpty()) {
            return refuse(event, Response.Status.NOT_FOUND, CliAnswers.NOT_FOUND, user, "kcawsLinkUnknownAccount", account);
        }
        if (store.permissionSet(setName).isEmpty()) {
            return refuse(event, Response.Status.NOT_FOUND, CliAnswers.NOT_FOUND, user, "kcawsLinkUnknownPermissionSet", permissionSet);
        }
        OneRoleCredentials.Outcome outcome = OneRoleCredentials.issue(session, realm, user, caller.bearer().userSession(),
                LaunchChoice.one(accountId, setName), sts);
        if (outcome instanceof OneRoleCredentials.Refused refused) {
            return switch (refused.reason()) {
                case NOT_HELD, ASSERTION_REFUSED -> refuse(event, Response.Status.FORBIDDEN, CliAnswers.ACCESS_DENIED, user,
                        refused.messageKey(), (Object[]) refused.parameters());
                // The contract: no usable AWS client for the partition is the realm's set-up, not the request.
                case NO_AWS_CLIENT -> refuse(event, Response.Status.SERVICE_UNAVAILABLE, CliAnswers.TEMPORARILY_UNAVAILABLE, user,
                        refused.messageKey(), (Object[]) refused.parameters());
                case STS_REFUSED -> refuse(event, Response.Status.BAD_GATEWAY, CliAnswers.STS_REFUSED, user,
                        refused.messageKey(), (Object[]) refused.parameters());
                case STS_UNREACHABLE -> refuse(event, Response.Status.BAD_GATEWAY, CliAnswers.STS_UNREACHABLE, user,
                        refused.messageKey(), (Object[]) refused.parameters());
            };
        }
        TemporaryCredentials credentials = ((OneRoleCredentials.Issued) outcome).credentials();
        event.success();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Version", 1);
        body.put("AccessKeyId", credentials.accessKeyId());
        body.put("SecretAccessKey", credentials.secretAccessKey());
        body.put("SessionToken", credentials.sessionToken());
        // Whole seconds, rounded down: a cache never keeps them a moment longer than AWS does.
        body.put("Expiration", credentials.expiration().truncatedTo(ChronoUnit.SECONDS).toString());
        return CliAnswers.ok(body);
    }

    /**
     * The request's token checked as Keycloak checks bearer tokens, then that it was issued to
     * {@code aws-cli}. {@code event} (null for the roles listing) records a refusal.
     */
    private Caller caller(EventBuilder event) {
        ClientModel cli = realm.getClientByClientId(CliClient.CLIENT_ID);
        if (cli == null || !cli.isEnabled()) {
            if (event != null) {
                event.detail(Details.REASON, "client " + CliClient.CLIENT_ID + " missing or disabled").error(CliAnswers.NOT_FOUND);
            }
            return new Caller(null, answers.error(Response.Status.NOT_FOUND, CliAnswers.NOT_FOUND, null, "kcawsCliNotSetUp"));
        }
        String authorization = session.getContext().getRequestHeaders().getHeaderString(HttpHeaders.AUTHORIZATION);
        Optional<BearerTokens.Bearer> bearer = BearerTokens.fromHeader(authorization)
                .flatMap(token -> BearerTokens.authenticate(session, realm, token));
        if (bearer.isEmpty()) {
            if (event != null) {
                event.detail(Details.REASON, authorization == null ? "no bearer token" : "token invalid, expired, revoked, or its session or user ended")
                        .error(CliAnswers.INVALID_TOKEN);
            }
            return new Caller(null, answers.error(Response.Status.UNAUTHORIZED, CliAnswers.INVALID_TOKEN, null, "kcawsCliSignInExpired"));
        }
        if (!CliClient.CLIENT_ID.equals(bearer.get().client().getClientId())) {
            if (event != null) {
                event.user(bearer.get().user()).session(bearer.get().userSession())
                        .detail(Details.REASON, "token issued to client " + bearer.get().client().getClientId() + ", not " + CliClient.CLIENT_ID)
                        .error(CliAnswers.INVALID_TOKEN);
            }
            return new Caller(null, answers.error(Response.Status.UNAUTHORIZED, CliAnswers.INVALID_TOKEN, bearer.get().user(),
                    "kcawsCliWrongClient"));
        }
        return new Caller(bearer.get(), null);
    }

    /** The one value of a form field; null when absent, empty or repeated ({@link #badField} tells which). */
    private static String field(MultivaluedMap<String, String> form, String name) {
        List<String> values = form.get(name);
        return values == null || values.size() != 1 ? null : values.get(0);
    }

    private Response badField(MultivaluedMap<String, String> form, String name, String value, String invalidKey, boolean valid, UserModel user) {
        List<String> values = form.get(name);
        if (values == null || values.isEmpty() || (values.size() == 1 && values.get(0).isEmpty())) {
            return answers.error(Response.Status.BAD_REQUEST, CliAnswers.INVALID_REQUEST, user, "kcawsCliFieldMissing", name);
        }
        if (values.size() > 1) {
            return answers.error(Response.Status.BAD_REQUEST, CliAnswers.INVALID_REQUEST, user, "kcawsCliFieldRepeated", name);
        }
        return valid ? null : answers.error(Response.Status.BAD_REQUEST, CliAnswers.INVALID_REQUEST, user, invalidKey);
    }

    /** The refusal as the caller's answer (in the user's language) and as the event's error (reason in English, for logs and SIEM). */
    private Response refuse(EventBuilder event, Response.Status status, String code, UserModel user, String messageKey, Object... parameters) {
        event.detail(Details.REASON, EnglishMessages.format(messageKey, parameters)).error(code);
        return answers.error(status, code, user, messageKey, parameters);
    }
}
