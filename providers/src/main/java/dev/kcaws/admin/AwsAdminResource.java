package dev.kcaws.admin;

import dev.kcaws.keycloak.AdminPermissions;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;

import jakarta.ws.rs.Path;

/**
 * {@code /admin/realms/{realm}/aws}: one sub-resource per thing, as Keycloak's own
 * {@code RealmAdminResource} hands {@code /clients} to {@code ClientsResource}: accounts,
 * permission sets, assignments, the access review, AWS clients (and the client template), the IAM side as code and
 * the IdP metadata. Each sub-resource checks the caller's admin permissions with Keycloak's admin
 * permission evaluator (fine-grained permissions included) before anything else; each request is
 * one transaction and is validated in full before anything is written.
 */
public class AwsAdminResource {

    private final AdminContext context;

    AwsAdminResource(KeycloakSession session, RealmModel realm, AdminPermissions auth, AdminEventBuilder adminEvent) {
        this.context = new AdminContext(session, realm, auth, adminEvent.resource("AWS_ACCESS"));
    }

    @Path("accounts")
    public AccountsResource accounts() {
        return new AccountsResource(context);
    }

    @Path("permission-sets")
    public PermissionSetsResource permissionSets() {
        return new PermissionSetsResource(context);
    }

    @Path("assignments")
    public AssignmentsResource assignments() {
        return new AssignmentsResource(context);
    }

    @Path("access-review")
    public AccessReviewResource accessReview() {
        return new AccessReviewResource(context);
    }

    @Path("clients")
    public AwsClientsResource clients() {
        return new AwsClientsResource(context);
    }

    @Path("client-template")
    public ClientTemplateResource clientTemplate() {
        return new ClientTemplateResource(context);
    }

    @Path("iac")
    public IamCodeResource iamCode() {
        return new IamCodeResource(context);
    }

    @Path("idp-metadata")
    public IdpMetadataResource idpMetadata() {
        return new IdpMetadataResource(context);
    }

    @Path("identity-center")
    public IdentityCenterResource identityCenter() {
        return new IdentityCenterResource(context);
    }
}
