package dev.kcaws.admin;

import jakarta.ws.rs.Path;

/**
 * {@code /aws/identity-center}: the IAM Identity Center side of the bundle, one sub-resource per
 * thing (the SAML client, the SCIM push settings and status, the Identity Center side as code).
 */
public class IdentityCenterResource {

    private final AdminContext context;

    IdentityCenterResource(AdminContext context) {
        this.context = context;
    }

    /** {@code saml-client}: the Identity Center SAML client, created in one call (manage-clients). */
    @Path("saml-client")
    public IdentityCenterSamlClientResource samlClient() {
        return new IdentityCenterSamlClientResource(context);
    }

    /** {@code iac}: permission sets and group assignments as Terraform and CloudFormation (view-realm). */
    @Path("iac")
    public IdentityCenterCodeResource code() {
        return new IdentityCenterCodeResource(context);
    }

    /** {@code scim}: the SCIM push settings and connection test (view-realm to read, manage-realm to change). */
    @Path("scim")
    public ScimSettingsResource scim() {
        return new ScimSettingsResource(context);
    }

    /** {@code push}: the SCIM push's status (view-realm) and sync now (manage-realm). */
    @Path("push")
    public IdentityCenterPushResource push() {
        return new IdentityCenterPushResource(context);
    }
}
