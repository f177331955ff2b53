package dev.kcaws.admin;

import dev.kcaws.iac.DeployCommands;
import dev.kcaws.keycloak.SamlIdpMetadata;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.InternalServerErrorException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code /aws/idp-metadata}: the realm's SAML IdP metadata, to upload to IAM. Needs view-realm. */
public class IdpMetadataResource {

    private final AdminContext context;

    IdpMetadataResource(AdminContext context) {
        this.context = context;
    }

    /** The document {@code /realms/{realm}/protocol/saml/descriptor} serves, as a download. */
    @GET
    @Produces(MediaType.APPLICATION_XML)
    public Response download() {
        context.auth().requireViewRealm();
        return Response.ok(xml(context.session(), context.realm()), MediaType.APPLICATION_XML_TYPE)
                .header("Content-Disposition", attachment("kcaws-" + context.realm().getName() + "-idp-metadata.xml")).build();
    }

    static String xml(KeycloakSession session, RealmModel realm) {
        String xml = SamlIdpMetadata.xml(session, realm);
        if (xml == null || xml.isBlank()) {
            throw new InternalServerErrorException("the realm's SAML IdP metadata could not be built (see the server log)");
        }
        return xml;
    }

    /** {@code attachment; filename="..."} with only file-name-safe characters. */
    static String attachment(String fileName) {
        return "attachment; filename=\"" + DeployCommands.fileName(fileName) + "\"";
    }
}
