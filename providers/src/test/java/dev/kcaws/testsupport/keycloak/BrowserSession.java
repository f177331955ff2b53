package dev.kcaws.testsupport.keycloak;

import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jsoup.nodes.Element;

/**
 * A browser without JavaScript: keeps cookies, follows redirects, submits forms. Enough for
 * Keycloak's server-rendered login pages and the SAML POST binding.
 *
 * <p>Redirects are followed here, not by HttpClient, so every hop's Set-Cookie is stored before
 * the next request and each hop is visible in one place.
 */
public final class BrowserSession {

    private static final int MAX_REDIRECTS = 20;
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    /** Generous: a login that builds a SAML response with hundreds of roles is slow on a busy machine. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(2);

    private final LocalhostCookieHandler cookies = new LocalhostCookieHandler();
    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private String language = "en";

    /** Asks for pages in {@code language} (Accept-Language) from now on; English unless told. */
    public BrowserSession language(String language) {
        this.language = language;
        return this;
    }

    public Page get(String url) {
        return send("GET", URI.create(url), null);
    }

    /** POSTs form fields (application/x-www-form-urlencoded) and follows the redirects. */
    public Page post(String url, Map<String, String> fields) {
        return send("POST", URI.create(url), formEncode(fields));
    }

    /**
     * Submits a form of the page the way a browser would: its fields with their current values
     * (unchecked boxes left out), with {@code values} filled in on top.
     */
    public Page submitForm(Page page, String formSelector, Map<String, String> values) {
        Element form = page.document().selectFirst(formSelector);
        if (form == null) {
            throw new IllegalStateException("no form " + formSelector + " on " + page);
        }
        Map<String, String> fields = new LinkedHashMap<>(formFields(form));
        fields.putAll(values);
        String action = form.hasAttr("action") ? form.absUrl("action") : page.url();
        if ("post".equalsIgnoreCase(form.attr("method"))) {
            return post(action, fields);
        }
        return get(action + (action.contains("?") ? "&" : "?") + formEncode(fields));
    }

    /** Fills in and submits Keycloak's login form (form#kc-form-login). */
    public Page submitLogin(Page loginPage, String username, String password) {
        if (!loginPage.isLoginForm()) {
            throw new IllegalStateException("expected Keycloak's login form, but " + loginPage);
        }
        return submitForm(loginPage, "form#kc-form-login", Map.of("username", username, "password", password));
    }

    /** Opens the URL and, if Keycloak asks for a login, logs in; returns the page after that. */
    public Page login(String url, String username, String password) {
        Page page = get(url);
        return page.isLoginForm() ? submitLogin(page, username, password) : page;
    }

    /** Does what the auto-submit script of the SAML POST page would: POSTs the response to the service provider. */
    public Page submit(SamlPost samlPost) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("SAMLResponse", samlPost.samlResponse());
        if (samlPost.relayState() != null) {
            fields.put("RelayState", samlPost.relayState());
        }
        return post(samlPost.action(), fields);
    }

    public List<HttpCookie> cookies() {
        return cookies.all();
    }

    public Optional<HttpCookie> cookie(String name) {
        return cookies.all().stream().filter(c -> c.getName().equals(name)).findFirst();
    }

    private Page send(String method, URI uri, String formBody) {
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
                    .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                    .header("Accept-Language", language);
            if (formBody == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/x-www-form-urlencoded")
                        .method(method, HttpRequest.BodyPublishers.ofString(formBody));
            }
            HttpResponse<String> response = exchange(request.build());
            Optional<String> location = response.headers().firstValue("Location");
            if (!REDIRECTS.contains(response.statusCode()) || location.isEmpty()) {
                return new Page(response.statusCode(), uri.toString(), response.body(), response.headers());
            }
            uri = uri.resolve(location.get());
            // 307/308 repeat the request as it was; the others turn into a GET, as in browsers.
            if (response.statusCode() != 307 && response.statusCode() != 308) {
                method = "GET";
                formBody = null;
            }
        }
        throw new IllegalStateException("more than " + MAX_REDIRECTS + " redirects, last to " + uri);
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        return HttpExchange.send(http, request);
    }

    private static Map<String, String> formFields(Element form) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element input : form.select("input[name], select[name], textarea[name]")) {
            String type = input.attr("type").toLowerCase();
            boolean unchecked = (type.equals("checkbox") || type.equals("radio")) && !input.hasAttr("checked");
            if (unchecked || Set.of("submit", "button", "image", "reset", "file").contains(type)) {
                continue;
            }
            String value = switch (input.tagName()) {
                case "select" -> Optional.ofNullable(input.selectFirst("option[selected]"))
                        .or(() -> Optional.ofNullable(input.selectFirst("option")))
                        .map(option -> option.hasAttr("value") ? option.attr("value") : option.text()).orElse("");
                case "textarea" -> input.wholeText();
                default -> input.attr("value");
            };
            fields.put(input.attr("name"), value);
        }
        // A browser also sends the name and value of the button that submitted the form.
        Element button = form.selectFirst("button[type=submit][name], input[type=submit][name], button:not([type])[name]");
        if (button != null) {
            fields.putIfAbsent(button.attr("name"), button.attr("value"));
        }
        return fields;
    }

    private static String formEncode(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
