package dev.kcaws.identitycenter;

import dev.kcaws.aws.AccessControlAttribute;
import dev.kcaws.aws.AccessControlMappings.Mapping;
import dev.kcaws.aws.AwsRuleViolation;
import dev.kcaws.aws.IdentityCenterUserName;
import dev.kcaws.scim.KeycloakUser;
import dev.kcaws.scim.ScimInputException;
import dev.kcaws.scim.ScimUserDocument;
import dev.kcaws.scim.UserNameSource;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import java.util.ArrayList;
import java.util.List;

/**
 * What one sign-in to Identity Center sends, or why none may be sent. Taken by the access check
 * before Keycloak builds the response (so the user sees a page and Identity Center gets nothing)
 * and again by the mappers while it does.
 *
 * <p>The NameID is the {@code userName} the SCIM push provisions for the user, computed by the same
 * code ({@link ScimUserDocument#from}) from the realm's one {@link UserNameSetting}, read now: so
 * the two cannot disagree, and a change of the setting applies to the next sign-in.
 */
public record IdentityCenterSignIn(String nameId, List<AccessControlAttribute> accessControl, Refusal refusal) {

    /**
     * Why not: {@code reason} is the detail {@code reason} of Keycloak's {@code access_denied}
     * event; {@code messageKey} and {@code parameters} what the user reads (a {@code kcaws*} message).
     */
    /** @param parameters texts, or an {@link AwsRuleViolation} whose rule's text is the value (said in the user's language) */
    public record Refusal(String reason, String messageKey, List<Object> parameters) {
        public Refusal {
            parameters = List.copyOf(parameters);
        }
    }

    /** The setting is EMAIL and the user has no email (or USERNAME and no username). */
    public static final String NO_USER_NAME = "no_identity_center_user_name";
    /** The value is not an RFC 2822 address of at most 128 characters, which Identity Center requires of a NameID. */
    public static final String USER_NAME_NOT_EMAIL = "identity_center_user_name_not_email";
    /** A user attribute chosen for an ABAC attribute holds a value STS refuses. */
    public static final String INVALID_ACCESS_CONTROL = "invalid_access_control_attribute";
    /** The ABAC mapper's stored setting is invalid (hand-edited). */
    public static final String INVALID_SETTING = "invalid_identity_center_setting";

    public boolean refused() {
        return refusal != null;
    }

    public static IdentityCenterSignIn decide(RealmModel realm, ClientModel client, UserModel user) {
        UserNameSource source = UserNameSetting.of(realm);
        String nameId;
        try {
            nameId = ScimUserDocument.from(new KeycloakUser(user.getId(), user.getUsername(), user.getEmail(),
                    user.getFirstName(), user.getLastName(), user.isEnabled()), source).userName();
        } catch (ScimInputException e) {
            return refuse(null, NO_USER_NAME, source == UserNameSource.EMAIL ? "kcawsIdentityCenterNoEmail" : "kcawsIdentityCenterNoUserName");
        }
        if (!IdentityCenterUserName.isValidNameId(nameId)) {
            // Identity Center refuses it with "An unexpected error has occurred"; say why here instead.
            return refuse(null, USER_NAME_NOT_EMAIL, source == UserNameSource.EMAIL ? "kcawsIdentityCenterEmailNotUsable"
                    : "kcawsIdentityCenterUserNameNotEmail", nameId);
        }
        List<Mapping> mappings;
        try {
            mappings = IdentityCenterClients.accessControlMapperOf(client)
                    .map(ProtocolMapperModel::getConfig)
                    .map(c -> AccessControlConfig.parse(c.get(AccessControlConfig.ATTRIBUTES)))
                    .orElse(List.of());
        } catch (AwsRuleViolation e) {
            return refuse(nameId, INVALID_SETTING, "kcawsIdentityCenterInvalidSetting", e.field());
        }
        List<AccessControlAttribute> attributes = new ArrayList<>();
        for (Mapping mapping : mappings) {
            String value = user.getFirstAttribute(mapping.userAttribute());
            if (value == null || value.isEmpty()) {
                continue; // nothing to tag with: Identity Center gets no such attribute, as from an IdP that lacks it
            }
            try {
                attributes.add(new AccessControlAttribute(mapping.key(), value));
            } catch (AwsRuleViolation e) {
                return refuse(nameId, INVALID_ACCESS_CONTROL, "kcawsIdentityCenterInvalidAttribute", mapping.key(), e);
            }
        }
        return new IdentityCenterSignIn(nameId, List.copyOf(attributes), null);
    }

    private static IdentityCenterSignIn refuse(String nameId, String reason, String messageKey, Object... parameters) {
        return new IdentityCenterSignIn(nameId, List.of(), new Refusal(reason, messageKey, List.of(parameters)));
    }
}
