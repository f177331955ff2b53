package dev.kcaws.testsupport.awsscim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Raw HTTP to the fake for its own tests: sends exactly the body given, nothing corrected. */
final class ScimWire {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    record Reply(int status, JsonNode body, HttpResponse<String> raw) {
        String exceptionType() {
            return body == null ? null : body.path("exceptionType").asText(null);
        }
    }

    private final URI endpoint;
    private final String token;

    ScimWire(URI endpoint, String token) {
        this.endpoint = endpoint;
        this.token = token;
    }

    Reply call(String method, String path, String body) {
        return call(endpoint.resolve(path), method, body, token);
    }

    static Reply call(URI uri, String method, String body, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).header("Content-Type", "application/scim+json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> response = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body() == null || response.body().isEmpty() ? null : JSON.readTree(response.body());
            return new Reply(response.statusCode(), json, response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Reply list(String resource, String filter) {
        return call("GET", resource + "?filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8), null);
    }

    static String user(String userName) {
        return """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s","externalId":"kc-%s",
                 "name":{"givenName":"Given","familyName":"Family"},"displayName":"Given Family","active":true,
                 "emails":[{"value":"%s","type":"work","primary":true}]}""".formatted(userName, userName, userName);
    }

    static String patch(String operations) {
        return "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":" + operations + "}";
    }
}
