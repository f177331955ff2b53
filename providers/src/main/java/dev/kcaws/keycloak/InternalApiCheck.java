package dev.kcaws.keycloak;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.ws.rs.core.UriInfo;
import org.keycloak.authorization.fgap.AdminPermissionsSchema;
import org.keycloak.authorization.fgap.evaluation.partial.PartialEvaluationStorageProvider;
import org.keycloak.common.Version;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.connections.jpa.support.EntityManagers;
import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.ClientModel;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.models.cache.CacheRealmProvider;
import org.keycloak.protocol.AuthorizationEndpointBase;
import org.keycloak.protocol.LoginProtocol;
import org.keycloak.protocol.oidc.TokenManager;
import org.keycloak.protocol.saml.JaxrsSAML2BindingBuilder;
import org.keycloak.protocol.saml.SamlProtocol;
import org.keycloak.protocol.saml.SamlService;
import org.keycloak.representations.idm.authorization.ResourceType;
import org.keycloak.services.managers.AppAuthManager;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;
import org.keycloak.services.util.CacheControlUtil;
import org.keycloak.services.util.LocaleUtil;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.w3c.dom.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks at server start-up that this Keycloak has every internal API the adapter classes of this
 * package call, so a release that moved one stops the server with one clear line instead of
 * failing a user's first login with {@code NoSuchMethodError}. The list mirrors the calls the
 * adapter makes (see docs/keycloak-internal-apis.md); KeycloakLinkageIT proves the same jar links
 * completely on each tested release.
 */
public final class InternalApiCheck {

    /** One internal API: what it is, what the bundle needs it for, and a probe that throws if this server lacks it. */
    record Need(String api, String usedFor, Probe probe) {
    }

    @FunctionalInterface
    interface Probe {
        void run() throws ReflectiveOperationException;
    }

    static final List<Need> NEEDS = List.of(
            new Need("SamlProtocol.buildAuthenticatedResponse(AuthenticatedClientSessionModel, String, Document, JaxrsSAML2BindingBuilder)",
                    "access keys (the one-role SAML response)",
                    () -> SamlProtocol.class.getDeclaredMethod("buildAuthenticatedResponse", AuthenticatedClientSessionModel.class,
                            String.class, Document.class, JaxrsSAML2BindingBuilder.class)),
            new Need("TokenManager.attachAuthenticationSession(KeycloakSession, UserSessionModel, AuthenticationSessionModel)",
                    "access keys (the one-role SAML response)",
                    () -> TokenManager.class.getMethod("attachAuthenticationSession", KeycloakSession.class, UserSessionModel.class,
                            AuthenticationSessionModel.class)),
            new Need("SamlService.getOrCreateLoginSessionForIdpInitiatedSso(KeycloakSession, RealmModel, ClientModel, String)",
                    "one-role shortcut links",
                    () -> SamlService.class.getMethod("getOrCreateLoginSessionForIdpInitiatedSso", KeycloakSession.class,
                            RealmModel.class, ClientModel.class, String.class)),
            new Need("AuthorizationEndpointBase.handleBrowserAuthenticationRequest(AuthenticationSessionModel, LoginProtocol, boolean, boolean)",
                    "one-role shortcut links",
                    () -> AuthorizationEndpointBase.class.getDeclaredMethod("handleBrowserAuthenticationRequest",
                            AuthenticationSessionModel.class, LoginProtocol.class, boolean.class, boolean.class)),
            new Need("SamlService.getIDPMetadataDescriptor(UriInfo, KeycloakSession, RealmModel)",
                    "the IAM code's SAML provider metadata",
                    () -> SamlService.class.getMethod("getIDPMetadataDescriptor", UriInfo.class, KeycloakSession.class, RealmModel.class)),
            new Need("AuthenticationManager.authenticateIdentityCookie(KeycloakSession, RealmModel, boolean)",
                    "the portal's sign-in",
                    () -> AuthenticationManager.class.getMethod("authenticateIdentityCookie", KeycloakSession.class, RealmModel.class,
                            boolean.class)),
            new Need("EntityManagers.runInBatch(KeycloakSession, Runnable, boolean)", "bulk assignments",
                    () -> EntityManagers.class.getMethod("runInBatch", KeycloakSession.class, Runnable.class, boolean.class)),
            new Need("CacheRealmProvider.registerClientInvalidation(String, String, String)", "the model lock",
                    () -> CacheRealmProvider.class.getMethod("registerClientInvalidation", String.class, String.class, String.class)),
            new Need("JpaConnectionProvider.getEntityManager()", "the model lock and the admin listings",
                    () -> JpaConnectionProvider.class.getMethod("getEntityManager")),
            new Need("AdminPermissionsSchema.applyAuthorizationFilters(KeycloakSession, ResourceType, PartialEvaluationStorageProvider, RealmModel, CriteriaBuilder, CriteriaQuery, Path)",
                    "the admin assignment listing's permission filter",
                    () -> AdminPermissionsSchema.class.getMethod("applyAuthorizationFilters", KeycloakSession.class, ResourceType.class,
                            PartialEvaluationStorageProvider.class, RealmModel.class, CriteriaBuilder.class, CriteriaQuery.class,
                            jakarta.persistence.criteria.Path.class)),
            new Need("org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator and the checks AdminPermissions makes",
                    "the admin API's permission checks",
                    InternalApiCheck::adminPermissionChecks),
            new Need("CacheControlUtil.noBackButtonCacheControlHeader(KeycloakSession)", "the portal's never-store cache headers",
                    () -> CacheControlUtil.class.getMethod("noBackButtonCacheControlHeader", KeycloakSession.class)),
            new Need("LocaleUtil.processLocaleParam(KeycloakSession, RealmModel, AuthenticationSessionModel)", "the portal's language menu",
                    () -> LocaleUtil.class.getMethod("processLocaleParam", KeycloakSession.class, RealmModel.class,
                            AuthenticationSessionModel.class)),
            new Need("GroupEntity.parentId/realm, UserGroupMembershipEntity.user/groupId, FederatedUserGroupMembershipEntity.userId/groupId/realmId",
                    "the IAM Identity Center push's group members (GroupMemberQueries)",
                    () -> {
                        org.keycloak.models.jpa.entities.GroupEntity.class.getDeclaredField("parentId");
                        org.keycloak.models.jpa.entities.GroupEntity.class.getDeclaredField("realm");
                        org.keycloak.models.jpa.entities.UserGroupMembershipEntity.class.getDeclaredField("user");
                        org.keycloak.models.jpa.entities.UserGroupMembershipEntity.class.getDeclaredField("groupId");
                        org.keycloak.storage.jpa.entity.FederatedUserGroupMembershipEntity.class.getDeclaredField("userId");
                        org.keycloak.storage.jpa.entity.FederatedUserGroupMembershipEntity.class.getDeclaredField("groupId");
                        org.keycloak.storage.jpa.entity.FederatedUserGroupMembershipEntity.class.getDeclaredField("realmId");
                    }),
            new Need("StoreSyncEvent.getSession()/getRealm()/getRemoved()", "the IAM Identity Center user-name setting's guard (RealmUpdates)",
                    () -> {
                        org.keycloak.storage.StoreSyncEvent.class.getMethod("getSession");
                        org.keycloak.storage.StoreSyncEvent.class.getMethod("getRealm");
                        org.keycloak.storage.StoreSyncEvent.class.getMethod("getRemoved");
                    }),
            new Need("AppAuthManager.BearerTokenAuthenticator(KeycloakSession).setRealm(RealmModel).setTokenString(String).authenticate()"
                    + " and AuthResult.getUser()/getSession()/getClient()",
                    "the CLI exchange's bearer tokens",
                    () -> {
                        Class<?> authenticator = AppAuthManager.BearerTokenAuthenticator.class;
                        authenticator.getConstructor(KeycloakSession.class);
                        authenticator.getMethod("setRealm", RealmModel.class);
                        authenticator.getMethod("setTokenString", String.class);
                        Class<?> result = authenticator.getMethod("authenticate").getReturnType();
                        result.getMethod("getUser");
                        result.getMethod("getSession");
                        result.getMethod("getClient");
                    }));

    private InternalApiCheck() {
    }

    /** Every evaluator method {@link AdminPermissions} calls, found through the evaluator's own return types. */
    private static void adminPermissionChecks() throws ReflectiveOperationException {
        Class<?> realm = AdminPermissionEvaluator.class.getMethod("realm").getReturnType();
        realm.getMethod("requireViewRealm");
        realm.getMethod("requireManageRealm");
        Class<?> clients = AdminPermissionEvaluator.class.getMethod("clients").getReturnType();
        clients.getMethod("requireView");
        clients.getMethod("requireManage");
        Class<?> users = AdminPermissionEvaluator.class.getMethod("users").getReturnType();
        users.getMethod("canQuery");
        users.getMethod("canView");
        users.getMethod("canView", UserModel.class);
        users.getMethod("requireMapRoles", UserModel.class);
        Class<?> groups = AdminPermissionEvaluator.class.getMethod("groups").getReturnType();
        groups.getMethod("canView");
        groups.getMethod("canView", GroupModel.class);
        groups.getMethod("requireManage", GroupModel.class);
        AdminPermissionEvaluator.class.getMethod("roles").getReturnType().getMethod("requireMapRole", RoleModel.class);
    }

    /**
     * Called from {@code dev.kcaws.setup.BundleSetup.register} (the provider factories' postInit):
     * stops the start-up if an internal API is missing.
     * Keycloak prints the exception's message as its one {@code ERROR: …} line (seen on 26.4.7:
     * "ERROR: Failed to start server", then "ERROR: kcaws: Keycloak 26.4.7 lacks …"), so it is not
     * logged here a second time.
     */
    public static void verify() {
        missing(NEEDS, Version.VERSION).ifPresent(line -> {
            throw new IllegalStateException(line);
        });
    }

    /** The one line naming every missing API and what it is for, or empty if all are there. */
    static Optional<String> missing(List<Need> needs, String keycloakVersion) {
        List<String> missing = new ArrayList<>();
        for (Need need : needs) {
            try {
                need.probe().run();
            } catch (ReflectiveOperationException | LinkageError e) {
                missing.add(need.api() + " (for " + need.usedFor() + ")");
            }
        }
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("kcaws: Keycloak " + keycloakVersion + " lacks internal API the AWS bundle needs: " + String.join("; ", missing)
                + ". Use a supported Keycloak release (docs/supported-versions.md: 26.4, 26.5, 26.7) or a bundle built for this one.");
    }
}
