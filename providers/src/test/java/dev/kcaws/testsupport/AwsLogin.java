package dev.kcaws.testsupport;

import dev.kcaws.testsupport.awssp.AwsLikeServiceProvider;
import dev.kcaws.testsupport.awssp.AwsSamlRejection;
import dev.kcaws.testsupport.awssp.AwsSignIn;
import dev.kcaws.testsupport.keycloak.BrowserSession;
import dev.kcaws.testsupport.keycloak.KeycloakServer;
import dev.kcaws.testsupport.keycloak.Page;
import dev.kcaws.testsupport.keycloak.SamlPost;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Drives AWS logins against a real Keycloak the way a browser and AWS would: open the link, sign in
 * if asked, and hand whatever Keycloak POSTs to the AWS-like service provider, which validates it
 * against the realm's published IdP metadata exactly as AWS sign-in does.
 */
public final class AwsLogin {

    private final KeycloakServer server;
    private final String realm;
    private final AwsLikeServiceProvider aws;

    private AwsLogin(KeycloakServer server, String realm, AwsLikeServiceProvider aws) {
        this.server = server;
        this.realm = realm;
        this.aws = aws;
    }

    /** Trusts the realm's current metadata, as an admin who uploaded it to IAM. */
    public static AwsLogin to(KeycloakServer server, String realm) {
        String metadata = new BrowserSession().get(server.baseUrl() + "/realms/" + realm + "/protocol/saml/descriptor").body();
        return new AwsLogin(server, realm, AwsLikeServiceProvider.trustingIdpMetadata(metadata));
    }

    public AwsLogin withAudience(String audience) {
        return new AwsLogin(server, realm, aws.withAudience(audience));
    }

    public String realmUrl() {
        return server.baseUrl() + "/realms/" + realm;
    }

    /** Keycloak's plain IdP-initiated URL of the client (all of the user's pairs). */
    public Outcome plain(BrowserSession browser, String username, String urlName) {
        return open(browser, realmUrl() + "/protocol/saml/clients/" + urlName, username);
    }

    public Outcome plain(BrowserSession browser, String username) {
        return plain(browser, username, "amazon-aws");
    }

    /** A shortcut link: {@code /realms/{realm}/aws/console?account_id=..&role_name=..[&destination=..]}. */
    public Outcome shortcut(BrowserSession browser, String username, String accountId, String roleName, String destination) {
        return open(browser, shortcutUrl(accountId, roleName, destination), username);
    }

    public String shortcutUrl(String accountId, String roleName, String destination) {
        return realmUrl() + "/aws/console?account_id=" + enc(accountId) + "&role_name=" + enc(roleName)
                + (destination == null ? "" : "&destination=" + enc(destination));
    }

    /** Opens a URL, signs in with password = username when asked, and judges the result as AWS would. */
    public Outcome open(BrowserSession browser, String url, String username) {
        Page page = browser.get(url);
        if (page.isLoginForm()) {
            page = browser.submitLogin(page, username, username);
        }
        return judge(page);
    }

    public Outcome judge(Page page) {
        if (page.document().selectFirst("form input[name=SAMLResponse]") == null) {
            return new Outcome(page, null, null);
        }
        SamlPost post = page.samlPost();
        try {
            return new Outcome(page, post, aws.accept(post.samlResponse(), post.action()));
        } catch (AwsSamlRejection e) {
            throw new AssertionError("AWS would reject what Keycloak sent: " + e.getMessage(), e);
        }
    }

    /** What one login ended in: an accepted AWS sign-in, or a Keycloak page and no response. */
    public record Outcome(Page page, SamlPost post, AwsSignIn signIn) {
        public boolean sentToAws() {
            return post != null;
        }

        public AwsSignIn accepted() {
            if (signIn == null) {
                throw new AssertionError("expected a SAML response to AWS, but got " + page);
            }
            return signIn;
        }

        public Page refused() {
            if (post != null) {
                throw new AssertionError("expected no SAML response, but Keycloak sent one with " + signIn.rolePairs());
            }
            return page;
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
