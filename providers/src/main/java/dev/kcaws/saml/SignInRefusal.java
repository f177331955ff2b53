package dev.kcaws.saml;

import java.util.List;

/**
 * Why no SAML response may be sent. {@code reason} is the detail {@code reason} of Keycloak's
 * {@code access_denied} event; {@code messageKey} and {@code parameters} are what the user reads
 * (a {@code kcaws*} key of the messages bundle, shown in the user's language).
 */
public record SignInRefusal(String reason, String messageKey, List<String> parameters) {

    /** The user holds no AWS access at all (a login through the AWS client itself). */
    public static final String NO_ACCESS = "no_aws_access";
    /** The one role a shortcut link or access keys asked for is not held. */
    public static final String NOT_ASSIGNED = "not_assigned";
    /** More roles than fit in one SAML response AWS accepts. */
    public static final String TOO_LARGE = "too_many_roles";
    /** A session tag (or transitive tag key) the AWS client requires is missing or invalid. */
    public static final String INVALID_SESSION_TAG = "invalid_session_tag";
    /** The SourceIdentity the AWS client requires is missing or invalid. */
    public static final String INVALID_SOURCE_IDENTITY = "invalid_source_identity";
    /** A stored role-pair mapper setting is invalid (stored before saves were checked). */
    public static final String MAPPER_SETTING = "invalid_mapper_setting";
    /** The login's one-role choice cannot be read. */
    public static final String INVALID_LINK = "invalid_link";

    public SignInRefusal {
        parameters = List.copyOf(parameters);
    }
}
