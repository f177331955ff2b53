package dev.kcaws.portal;

import dev.kcaws.access.Access;
import dev.kcaws.portal.sts.CredentialFormats;
import dev.kcaws.portal.sts.TemporaryCredentials;

/** What {@code aws-credentials.ftl} prints under the name {@code kcaws}: one role's temporary credentials. */
public final class CredentialsPage {

    public static final String TEMPLATE = "aws-credentials.ftl";

    private final Access access;
    private final TemporaryCredentials credentials;
    private final String portalUrl;

    CredentialsPage(Access access, TemporaryCredentials credentials, String portalUrl) {
        this.access = access;
        this.credentials = credentials;
        this.portalUrl = portalUrl;
    }

    public String getAccountId() {
        return access.account().id().value();
    }

    public String getAccountName() {
        return access.account().name();
    }

    public String getRoleName() {
        return access.permissionSet().name().value();
    }

    public String getBash() {
        return CredentialFormats.bash(credentials);
    }

    public String getPowerShell() {
        return CredentialFormats.powerShell(credentials);
    }

    public String getCredentialsFile() {
        return CredentialFormats.credentialsFile(access.rolePair(), credentials);
    }

    public String getAccessKeyId() {
        return credentials.accessKeyId();
    }

    public String getSecretAccessKey() {
        return credentials.secretAccessKey();
    }

    public String getSessionToken() {
        return credentials.sessionToken();
    }

    public String getExpiration() {
        return credentials.expiration().toString();
    }

    public String getPortalUrl() {
        return portalUrl;
    }
}
