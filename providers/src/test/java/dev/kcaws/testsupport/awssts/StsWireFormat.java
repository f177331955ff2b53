package dev.kcaws.testsupport.awssts;

import dev.kcaws.testsupport.FormBody;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * STS's Query API on the wire: a form-encoded POST in, XML out (namespace
 * {@code https://sts.amazonaws.com/doc/2011-06-15/}), as the AWS SDKs read it.
 */
final class StsWireFormat {
    static final String NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";
    static final String VERSION = "2011-06-15";
    static final String ACTION = "AssumeRoleWithSAML";
    static final String CALLER_IDENTITY = "GetCallerIdentity";

    private StsWireFormat() {
    }

    /** {@code a=1&b=2} to a map; a repeated name keeps its first value. */
    static Map<String, String> form(String body) {
        return FormBody.decode(body);
    }

    /** What {@code AssumeRoleWithSAMLResult} carries. */
    record Result(String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration,
            String assumedRoleArn, String assumedRoleId, String audience, String issuer, String subject,
            String subjectType, String nameQualifier, String sourceIdentity) {
    }

    static String success(Result r, String requestId) {
        StringBuilder xml = new StringBuilder()
                .append("<AssumeRoleWithSAMLResponse xmlns=\"").append(NAMESPACE).append("\">\n")
                .append("  <AssumeRoleWithSAMLResult>\n")
                .append("    <Audience>").append(escape(r.audience())).append("</Audience>\n")
                .append("    <AssumedRoleUser>\n")
                .append("      <AssumedRoleId>").append(escape(r.assumedRoleId())).append("</AssumedRoleId>\n")
                .append("      <Arn>").append(escape(r.assumedRoleArn())).append("</Arn>\n")
                .append("    </AssumedRoleUser>\n")
                .append("    <Credentials>\n")
                .append("      <AccessKeyId>").append(escape(r.accessKeyId())).append("</AccessKeyId>\n")
                .append("      <SecretAccessKey>").append(escape(r.secretAccessKey())).append("</SecretAccessKey>\n")
                .append("      <SessionToken>").append(escape(r.sessionToken())).append("</SessionToken>\n")
                .append("      <Expiration>").append(timestamp(r.expiration())).append("</Expiration>\n")
                .append("    </Credentials>\n")
                .append("    <Issuer>").append(escape(r.issuer())).append("</Issuer>\n")
                .append("    <NameQualifier>").append(escape(r.nameQualifier())).append("</NameQualifier>\n")
                .append("    <Subject>").append(escape(r.subject())).append("</Subject>\n")
                .append("    <SubjectType>").append(escape(r.subjectType())).append("</SubjectType>\n");
        if (r.sourceIdentity() != null) {
            xml.append("    <SourceIdentity>").append(escape(r.sourceIdentity())).append("</SourceIdentity>\n");
        }
        return xml.append("  </AssumeRoleWithSAMLResult>\n")
                .append("  <ResponseMetadata>\n")
                .append("    <RequestId>").append(requestId).append("</RequestId>\n")
                .append("  </ResponseMetadata>\n")
                .append("</AssumeRoleWithSAMLResponse>\n")
                .toString();
    }

    /** What {@code GetCallerIdentityResult} carries. */
    record Identity(String arn, String userId, String account) {
    }

    static String callerIdentity(Identity identity, String requestId) {
        return "<GetCallerIdentityResponse xmlns=\"" + NAMESPACE + "\">\n"
                + "  <GetCallerIdentityResult>\n"
                + "    <Arn>" + escape(identity.arn()) + "</Arn>\n"
                + "    <UserId>" + escape(identity.userId()) + "</UserId>\n"
                + "    <Account>" + escape(identity.account()) + "</Account>\n"
                + "  </GetCallerIdentityResult>\n"
                + "  <ResponseMetadata>\n"
                + "    <RequestId>" + requestId + "</RequestId>\n"
                + "  </ResponseMetadata>\n"
                + "</GetCallerIdentityResponse>\n";
    }

    static String error(StsError e, String requestId) {
        return "<ErrorResponse xmlns=\"" + NAMESPACE + "\">\n"
                + "  <Error>\n"
                + "    <Type>" + escape(e.type()) + "</Type>\n"
                + "    <Code>" + escape(e.code()) + "</Code>\n"
                + "    <Message>" + escape(e.message()) + "</Message>\n"
                + "  </Error>\n"
                + "  <RequestId>" + requestId + "</RequestId>\n"
                + "</ErrorResponse>\n";
    }

    /** STS writes whole seconds in UTC: {@code 2026-03-01T13:00:00Z}. */
    static String timestamp(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** Element text: only what XML requires ({@code & < >}); quotes stay as STS writes them. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}
