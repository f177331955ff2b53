package dev.kcaws.portal;

import java.util.List;

/**
 * Everything {@code aws-portal.ftl} prints, under the name {@code kcaws}. Plain getters, no record
 * accessors: FreeMarker's bean wrapper would show a record's {@code name()} as a method, not a value.
 */
public final class PortalPage {

    public static final String TEMPLATE = "aws-portal.ftl";

    private final PortalView view;
    private final List<ApplicationTiles.App> applications;
    private final String userDisplayName;
    private final String signOutUrl;
    private final String csrfToken;

    public PortalPage(PortalView view, List<ApplicationTiles.App> applications, String userDisplayName, String signOutUrl, String csrfToken) {
        this.view = view;
        this.applications = applications;
        this.userDisplayName = userDisplayName;
        this.signOutUrl = signOutUrl;
        this.csrfToken = csrfToken;
    }

    public List<PortalView.AccountTile> getAccounts() {
        return view.getAccounts();
    }

    public int getRoleCount() {
        return view.getRoleCount();
    }

    public List<ApplicationTiles.App> getApplications() {
        return applications;
    }

    public String getUserDisplayName() {
        return userDisplayName;
    }

    public String getSignOutUrl() {
        return signOutUrl;
    }

    public String getCsrfToken() {
        return csrfToken;
    }
}
