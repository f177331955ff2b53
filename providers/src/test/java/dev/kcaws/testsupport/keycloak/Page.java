package dev.kcaws.testsupport.keycloak;

import java.net.http.HttpHeaders;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** A page as a browser without JavaScript ends up on after all redirects: status, final URL, HTML. */
public final class Page {

    private final int status;
    private final String url;
    private final String body;
    private final HttpHeaders headers;
    private Document document;

    Page(int status, String url, String body, HttpHeaders headers) {
        this.status = status;
        this.url = url;
        this.body = body;
        this.headers = headers;
    }

    public int status() {
        return status;
    }

    /** The URL of the last hop, after redirects. */
    public String url() {
        return url;
    }

    public String body() {
        return body;
    }

    public HttpHeaders headers() {
        return headers;
    }

    /** The parsed HTML; relative links resolve against {@link #url()} ({@code element.absUrl("href")}). */
    public synchronized Document document() {
        if (document == null) {
            document = Jsoup.parse(body, url);
        }
        return document;
    }

    /** The page's visible text, for assertions and failure messages. */
    public String text() {
        return document().text();
    }

    /** Whether this is Keycloak's username/password form. */
    public boolean isLoginForm() {
        return document().selectFirst("form#kc-form-login") != null;
    }

    /**
     * The message Keycloak shows: the error page's text, else an alert (e.g. "Invalid username or
     * password."), else a field error; empty if there is none.
     */
    public String errorMessage() {
        for (String selector : new String[] {"#kc-error-message .instruction", ".kc-feedback-text", "[id^=input-error]"}) {
            Element element = document().selectFirst(selector);
            if (element != null && !element.text().isBlank()) {
                return element.text().trim();
            }
        }
        return "";
    }

    /** The SAML response form Keycloak auto-submits to the service provider; throws with the page text if this is not one. */
    public SamlPost samlPost() {
        Element response = document().selectFirst("form input[name=SAMLResponse]");
        if (response == null) {
            throw new IllegalStateException("expected Keycloak's SAML POST form, but " + this);
        }
        Element form = response.closest("form");
        Element relayState = form.selectFirst("input[name=RelayState]");
        return new SamlPost(form.absUrl("action"), response.attr("value"), relayState == null ? null : relayState.attr("value"));
    }

    @Override
    public String toString() {
        String message = errorMessage();
        String text = text();
        return "page " + url + " (status " + status + ")"
                + (message.isEmpty() ? "" : " with message \"" + message + "\"")
                + ": " + (text.length() > 500 ? text.substring(0, 500) + "…" : text);
    }
}
