package dev.kcaws.portal;

import dev.kcaws.client.AwsErrorPage;
import dev.kcaws.client.PortalClient;
import dev.kcaws.client.UserMessages;
import dev.kcaws.keycloak.IdentityCookie;
import dev.kcaws.keycloak.KeycloakPages;

import dev.kcaws.access.AccessStore;
import dev.kcaws.access.AwsAccount;
import dev.kcaws.access.PermissionSet;
import dev.kcaws.adminpage.AdminPageResource;
import dev.kcaws.aws.AccountId;
import dev.kcaws.aws.AwsRuleViolation;
import dev.kcaws.aws.ConsoleDestination;
import dev.kcaws.aws.PermissionSetName;
import dev.kcaws.saml.AwsAccessCheck;
import dev.kcaws.client.DefaultAwsClient;
import dev.kcaws.saml.LaunchChoice;
import dev.kcaws.saml.OneRoleLogin;
import dev.kcaws.portal.cli.CliResource;
import dev.kcaws.portal.sts.StsCredentialsClient;
import dev.kcaws.access.AccessEvents;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventType;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionProviderModel;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.UserModel;
import org.keycloak.utils.MediaType;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** {@code /realms/{realm}/aws/...}: what employees open. */
public class AwsRealmResource {

    private final KeycloakSession session;
    private final RealmModel realm;

    private final StsCredentialsClient sts;

    public AwsRealmResource(KeycloakSession session, StsCredentialsClient sts) {
        this.session = session;
        this.realm = session.getContext().getRealm();
        this.sts = sts;
        // Every page here is personal or carries a credential (the one-role page a signed SAML
        // response, the portal its anti-CSRF token, the keys page the keys), so each is sent as
        // Keycloak sends its own login and IdP-initiated SAML pages: never stored, not even for
        // the back button. Set here, it also covers error pages and the login pages of the flows.
        KeycloakPages.neverStore(session);
    }

    /** The error of an access-keys exchange that STS refused or did not answer (the reason says which). */
    static final String STS_FAILED = "aws_sts_failed";

    /**
     * Temporary credentials for exactly one role: a POST from the portal's access-keys button with
     * the session's anti-CSRF token, answered with the keys page (the form's new tab, when the
     * portal's script does not run). The assertion for STS is made for that one pair, and only if
     * the user holds it now. Credentials are shown once and never logged or stored.
     */
    @POST
    @Path("credentials")
    @Consumes(jakarta.ws.rs.core.MediaType.APPLICATION_FORM_URLENCODED)
    @Produces({MediaType.TEXT_HTML_UTF_8, jakarta.ws.rs.core.MediaType.APPLICATION_JSON})
    public Response credentials(@FormParam("csrf") String csrf, @FormParam("access") String access,
                                @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        // Only the portal's script asks for JSON alone; a browser's form (and anything unsure) gets the page.
        if (accept != null && accept.contains(jakarta.ws.rs.core.MediaType.APPLICATION_JSON) && !accept.contains("text/html")) {
            return credentialsForPortal(csrf, access);
        }
        PortalKeys keys = portalKeys(csrf, access);
        if (keys.outcome() instanceof OneRoleCredentials.Refused refused) {
            return error(refused.status(), refused.messageKey(), refused.parameters());
        }
        OneRoleCredentials.Issued issued = (OneRoleCredentials.Issued) keys.outcome();
        session.getContext().setClient(realm.getClientByClientId(PortalClient.CLIENT_ID));
        Response page = session.getProvider(LoginFormsProvider.class)
                .setUser(keys.user())
                .setAttribute("kcaws", new CredentialsPage(issued.access(), issued.credentials(), portalUrl()))
                .createForm(CredentialsPage.TEMPLATE);
        return Response.fromResponse(page).header("Pragma", "no-cache").header("Referrer-Policy", "no-referrer").build();
    }

    /**
     * The same exchange for the portal's script ({@code Accept: application/json}), which shows the
     * keys, or the failure with a retry, in the portal itself: the keys page's formats, or
     * {@code {"error": <reason>, "message": <the text in the user's language>, "messageKey": <its key>,
     * "params": <its values>}} with the status the page would have.
     */
    private Response credentialsForPortal(String csrf, String access) {
        PortalKeys keys = portalKeys(csrf, access);
        if (keys.outcome() instanceof OneRoleCredentials.Refused refused) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", refused.reason() == null ? refused.messageKey() : refused.reason().name().toLowerCase(Locale.ROOT));
            body.put("message", UserMessages.text(session, realm, keys.user(), refused.messageKey(), (Object[]) refused.parameters()));
            body.put("messageKey", refused.messageKey());
            body.put("params", Arrays.stream(refused.parameters()).map(String::valueOf).toList());
            return Response.status(refused.status()).type(jakarta.ws.rs.core.MediaType.APPLICATION_JSON_TYPE).entity(body).build();
        }
        OneRoleCredentials.Issued issued = (OneRoleCredentials.Issued) keys.outcome();
        CredentialsPage page = new CredentialsPage(issued.access(), issued.credentials(), portalUrl());
        Map<String, String> body = new LinkedHashMap<>();
        body.put("accountId", page.getAccountId());
        body.put("accountName", page.getAccountName());
        body.put("roleName", page.getRoleName());
        body.put("expiration", page.getExpiration());
        body.put("bash", page.getBash());
        body.put("powerShell", page.getPowerShell());
        body.put("credentialsFile", page.getCredentialsFile());
        body.put("accessKeyId", page.getAccessKeyId());
        return Response.ok(body, jakarta.ws.rs.core.MediaType.APPLICATION_JSON_TYPE).header("Pragma", "no-cache").build();
    }

    /** Who asks (null before sign-in) and what the exchange ended with; the page and the JSON answer render it. */
    private record PortalKeys(UserModel user, OneRoleCredentials.Outcome outcome) {
        static PortalKeys refused(UserModel user, Response.Status status, String messageKey) {
            return new PortalKeys(user, new OneRoleCredentials.Refused(null, status, messageKey));
        }
    }

    private PortalKeys portalKeys(String csrf, String access) {
        Optional<IdentityCookie.SignedIn> auth = PortalSignIn.current(session, realm);
        if (auth.isEmpty()) {
            return PortalKeys.refused(null, Response.Status.UNAUTHORIZED, "kcawsSessionEnded");
        }
        UserModel user = auth.get().user();
        if (!PortalCsrfToken.isValid(session, realm, auth.get().userSession(), csrf)) {
            return PortalKeys.refused(user, Response.Status.FORBIDDEN, "kcawsNotFromPortal");
        }
        // The exchange as a Keycloak event with the pair, success or refusal (credentials never in it).
        EventBuilder event = new EventBuilder(realm, session, session.getContext().getConnection())
                .event(EventType.TOKEN_EXCHANGE).client(PortalClient.CLIENT_ID).user(user).session(auth.get().userSession())
                .detail(AccessEvents.DETAIL_CHANNEL, AccessEvents.CHANNEL_ACCESS_KEYS);
        Optional<LaunchChoice> choice = LaunchChoice.fromNote(access).filter(c -> !c.isAll());
        if (choice.isEmpty()) {
            event.error(Errors.INVALID_REQUEST);
            return PortalKeys.refused(user, Response.Status.BAD_REQUEST, "kcawsNoRoleNamed");
        }
        AccessEvents.pair(event, choice.get().account(), choice.get().permissionSet());
        OneRoleCredentials.Outcome outcome = OneRoleCredentials.issue(session, realm, user, auth.get().userSession(), choice.get(), sts);
        if (outcome instanceof OneRoleCredentials.Refused refused) {
            switch (refused.reason()) {
                case NOT_HELD -> event.error(Errors.ACCESS_DENIED);
                case ASSERTION_REFUSED -> event.error(Errors.NOT_ALLOWED);
                case NO_AWS_CLIENT -> event.detail(Details.REASON, refused.messageKey()).error(Errors.CLIENT_NOT_FOUND);
                case STS_REFUSED -> event.detail(Details.REASON, "sts_refused:" + refused.parameters()[0]).error(STS_FAILED);
                case STS_UNREACHABLE -> event.detail(Details.REASON, "sts_unreachable").error(STS_FAILED);
            }
        } else {
            event.success();
        }
        return new PortalKeys(user, outcome);
    }

    /**
     * The launcher: the signed-in user's AWS accounts and roles. Anyone else is sent through the
     * realm's sign-in first. The page is built from the user's access at this moment and never cached.
     */
    @GET
    @Produces(MediaType.TEXT_HTML_UTF_8)
    public Response portal(@QueryParam("code") String code, @QueryParam("state") String state, @QueryParam("error") String error,
                           @QueryParam("kc_locale") String kcLocale) {
        String portalUrl = portalUrl();
        if (!session.getContext().getUri().getRequestUri().getPath().endsWith("/")) {
            // The page's links are relative to /aws/; without the slash they would resolve one level up.
            return Response.status(Response.Status.MOVED_PERMANENTLY).location(URI.create(portalUrl)).build();
        }
        ClientModel portalClient = realm.getClientByClientId(PortalClient.CLIENT_ID);
        if (portalClient == null || !portalClient.isEnabled()) {
            return error(Response.Status.NOT_FOUND, "kcawsPortalNotSetUp");
        }
        Optional<IdentityCookie.SignedIn> auth = PortalSignIn.current(session, realm);
        if (auth.isEmpty()) {
            if (code != null || error != null) {
                return error(Response.Status.BAD_REQUEST, "kcawsSignInIncomplete");
            }
            return Response.seeOther(PortalSignIn.loginRedirect(session, realm, portalUrl)).build();
        }
        if (code != null || state != null) {
            // Back from sign-in: the SSO cookie is set; drop the unused code from the address bar.
            return Response.seeOther(URI.create(portalUrl)).build();
        }
        UserModel user = auth.get().user();
        if (kcLocale != null && realm.isInternationalizationEnabled() && realm.getSupportedLocalesStream().anyMatch(kcLocale::equals)) {
            // The language menu does what it does on Keycloak's own pages for a signed-in user (its
            // sign-out confirmation): this page in that language and the locale cookie set, the
            // language stored in the user's profile left alone. Keycloak stores it only when a
            // sign-in is completed in it or it is saved in the account console, never from a GET
            // (a link on any site could send one).
            KeycloakPages.applyLocaleParam(session, realm);
        }
        AccessStore store = AccessStore.of(realm);
        PortalPage page = new PortalPage(PortalView.of(store.effectiveAccess(user), store.accessEnds(user)),
                ApplicationTiles.of(session, realm), displayName(user),
                PortalSignIn.logoutRedirect(session, realm).toString(),
                PortalCsrfToken.of(session, realm, auth.get().userSession()));
        session.getContext().setClient(portalClient);
        Response response = session.getProvider(LoginFormsProvider.class)
                .setUser(user)
                .setAttribute("kcaws", page)
                .createForm(PortalPage.TEMPLATE);
        return response;
    }

    private String portalUrl() {
        return PortalClient.url(session.getContext().getUri(), realm);
    }

    private static String displayName(UserModel user) {
        String first = user.getFirstName();
        String last = user.getLastName();
        if (first != null && !first.isBlank()) {
            return last == null || last.isBlank() ? first : first + " " + last;
        }
        return user.getUsername();
    }

    /**
     * A shortcut link with IAM Identity Center's parameter names: opens the AWS console as exactly
     * one role. Malformed or unknown input is answered before any login starts; whether the user
     * holds the role is decided after sign-in, at the moment the response would be built.
     */
    @GET
    @Path("console")
    @Produces(MediaType.TEXT_HTML_UTF_8)
    public Response console(@QueryParam("account_id") String accountId, @QueryParam("role_name") String roleName,
                            @QueryParam("destination") String destination) {
        if (!AccountId.isValid(accountId)) {
            return error(Response.Status.BAD_REQUEST, "kcawsLinkAccountId");
        }
        if (!PermissionSetName.isValid(roleName)) {
            return error(Response.Status.BAD_REQUEST, "kcawsLinkRoleName");
        }
        AccessStore store = AccessStore.of(realm);
        Optional<AwsAccount> account = store.account(new AccountId(accountId));
        if (account.isEmpty()) {
            return error(Response.Status.NOT_FOUND, "kcawsLinkUnknownAccount", accountId);
        }
        Optional<PermissionSet> set = store.permissionSet(new PermissionSetName(roleName));
        if (set.isEmpty()) {
            return error(Response.Status.NOT_FOUND, "kcawsLinkUnknownPermissionSet", roleName);
        }
        String relayState;
        if (destination != null && !destination.isEmpty()) {
            try {
                relayState = ConsoleDestination.parse("destination", destination, account.get().partition()).url();
            } catch (AwsRuleViolation e) {
                return error(Response.Status.BAD_REQUEST, "kcawsLinkInvalid", UserMessages.violation(session, realm, null, e));
            }
        } else {
            relayState = set.get().relayState() != null && set.get().relayState().isIn(account.get().partition())
                    ? set.get().relayState().url() : null;
        }
        DefaultAwsClient serving = DefaultAwsClient.of(realm, account.get().partition());
        Optional<ClientModel> client = serving.serving();
        if (client.isEmpty()) {
            return refusal(serving);
        }
        RequiredActionProviderModel check = realm.getRequiredActionProviderByAlias(AwsAccessCheck.PROVIDER_ID);
        if (check == null || !check.isEnabled()) {
            // Without the check a refused login could not be stopped before the response is built.
            return error(Response.Status.SERVICE_UNAVAILABLE, "kcawsAccessCheckDisabled");
        }
        EventBuilder event = new EventBuilder(realm, session, session.getContext().getConnection());
        return OneRoleLogin.create(session, event)
                .start(client.get(), LaunchChoice.one(account.get().id(), set.get().name()), relayState);
    }

    /** The command-line tool's endpoints, {@code /realms/{realm}/aws/cli/}: bearer tokens of {@code aws-cli}, JSON. */
    @Path("cli")
    public CliResource cli() {
        return new CliResource(session, realm, sts);
    }

    /** The administrators' page, {@code /realms/{realm}/aws/admin/}. */
    @Path("admin")
    public AdminPageResource admin() {
        return new AdminPageResource(session, realm);
    }

    /** No client to go through: 404 when the realm has none for the partition, 503 when the admin's choice is missing. */
    private Response refusal(DefaultAwsClient serving) {
        return error(serving.problem() == DefaultAwsClient.Problem.NONE ? Response.Status.NOT_FOUND : Response.Status.SERVICE_UNAVAILABLE,
                serving.problem().messageKey(), serving.partition().id());
    }

    /** The bundle's error page in the realm's login theme, the text a {@code kcaws*} key of the messages bundle in the user's language. */
    private Response error(Response.Status status, String messageKey, String... parameters) {
        return AwsErrorPage.render(session, status, messageKey, (Object[]) parameters);
    }
}
