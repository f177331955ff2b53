package dev.kcaws.iac;

import dev.kcaws.access.PermissionSet;
import dev.kcaws.aws.ManagedPolicyArn;
import dev.kcaws.aws.Partition;

import java.nio.charset.StandardCharsets;

/** Names and texts the generated IAM code needs, by CloudFormation's, Terraform's and IAM's rules. */
final class IamNames {

    /** IAM's MaxSessionDuration range (CreateRole): 1 to 12 hours. */
    static final int MIN_MAX_SESSION_SECONDS = 3600;
    static final int MAX_MAX_SESSION_SECONDS = 43_200;
    /** IAM role descriptions: at most 1000 characters of tab, newline, CR, printable ASCII and Latin-1. */
    static final int MAX_ROLE_DESCRIPTION_CHARS = 1000;
    static final int MAX_TEMPLATE_DESCRIPTION_BYTES = 1024;

    private IamNames() {
    }

    /**
     * An identifier of letters and digits only, one-to-one with the text: every character other
     * than a letter or digit, and {@code Z} itself, becomes {@code Z} and its two hex digits
     * ({@code Read-Only} → {@code ReadZ2DOnly}). Depends on the text alone, so adding a permission
     * set never renames another set's resource (which would make CloudFormation replace the role).
     */
    static String identifier(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c != 'Z' && c < 128 && Character.isLetterOrDigit(c)) {
                out.append(c);
            } else if (c < 256) {
                out.append('Z').append(String.format("%02X", (int) c));
            } else {
                out.append("ZZ").append(String.format("%04X", (int) c));
            }
        }
        return out.toString();
    }

    /** A Terraform resource or data source name for a text: its {@link #identifier}, behind {@code _} if it starts with a digit. */
    static String terraformName(String text) {
        String id = identifier(text);
        return Character.isDigit(id.charAt(0)) ? "_" + id : id;
    }

    /**
     * An AWS managed policy exists under the same name in every partition, so its ARN is written in
     * the account's partition ({@code arn:aws:iam::aws:policy/X} becomes {@code arn:aws-us-gov:iam::aws:policy/X}
     * in a GovCloud account); a customer managed policy's ARN is kept as the set names it.
     */
    static String policyArnIn(ManagedPolicyArn arn, Partition partition) {
        String value = arn.value();
        int iam = value.indexOf(":iam::aws:policy/");
        return iam < 0 ? value : "arn:" + partition.id() + value.substring(iam);
    }

    /** The part of a policy ARN after {@code arn:<partition>:iam::}: {@code aws/ReadOnlyAccess}, {@code 123456789012/team/X}. */
    static String policyKey(ManagedPolicyArn arn) {
        String rest = arn.value().substring(arn.value().indexOf(":iam::") + ":iam::".length());
        return rest.replace(":policy/", "/");
    }

    /** The role's MaxSessionDuration: at least the set's session (AWS caps a session at the role's maximum) and at least IAM's 1 hour. */
    static int maxSessionDuration(PermissionSet set) {
        return Math.min(MAX_MAX_SESSION_SECONDS, Math.max(MIN_MAX_SESSION_SECONDS, set.sessionDuration().seconds()));
    }

    /** The inline policy's name in the role: {@code <set>-inline} (IAM allows 128 of {@code [\w+=,.@-]}, a set name is at most 32). */
    static String inlinePolicyName(PermissionSet set) {
        return set.name().value() + "-inline";
    }

    /** The set's description, or one that says where the role comes from, in the characters IAM accepts. */
    static String roleDescription(PermissionSet set, String realmName) {
        String text = set.description() != null && !set.description().isBlank() ? set.description()
                : "Permission set " + set.name() + " for AWS sign-in through Keycloak realm " + realmName;
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            boolean allowed = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0x7E) || (c >= 0xA1 && c <= 0xFF);
            out.append(allowed ? c : '?');
        }
        return out.length() > MAX_ROLE_DESCRIPTION_CHARS ? out.substring(0, MAX_ROLE_DESCRIPTION_CHARS) : out.toString();
    }

    /** Cuts a text to CloudFormation's 1024-byte template description, never in the middle of a character. */
    static String templateDescription(String text) {
        if (text.getBytes(StandardCharsets.UTF_8).length <= MAX_TEMPLATE_DESCRIPTION_BYTES) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int len = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + len > MAX_TEMPLATE_DESCRIPTION_BYTES - 3) {
                break;
            }
            out.appendCodePoint(cp);
            bytes += len;
            i += Character.charCount(cp);
        }
        return out.append("...").toString();
    }
}
