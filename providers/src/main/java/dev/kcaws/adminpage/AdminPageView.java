package dev.kcaws.adminpage;

import dev.kcaws.client.AdminPageClient;

/**
 * What {@code aws-admin.ftl} needs to start the page, under the name {@code kcaws}: where to sign
 * the admin in (this realm's endpoints) and where the admin API is. Everything else is read from
 * the admin API with the admin's own token.
 */
public final class AdminPageView {

    public static final String TEMPLATE = "aws-admin.ftl";

    private final String loginRealm;
    private final String serverUrl;
    private final String pageUrl;

    AdminPageView(String loginRealm, String serverUrl, String pageUrl) {
        this.loginRealm = loginRealm;
        this.serverUrl = serverUrl;
        this.pageUrl = pageUrl;
    }

    public String getLoginRealm() {
        return loginRealm;
    }

    public String getClientId() {
        return AdminPageClient.CLIENT_ID;
    }

    /** The server's base URL without a trailing slash; the page adds {@code /realms/...} and {@code /admin/realms/...}. */
    public String getServerUrl() {
        return serverUrl;
    }

    public String getPageUrl() {
        return pageUrl;
    }
}
