package dev.kcaws.saml;

/** Why no SAML response may be sent: shown to the user as is, logged for the admin. */
public record SignInRefusal(String reason, String userMessage) {

    public static final String NO_ACCESS = "aws_no_access";
    public static final String NOT_ASSIGNED = "aws_not_assigned";
    public static final String TOO_LARGE = "aws_response_too_large";
    public static final String INVALID_ATTRIBUTE = "aws_invalid_attribute";
    public static final String MAPPER_SETTING = "aws_invalid_mapper_setting";
}
