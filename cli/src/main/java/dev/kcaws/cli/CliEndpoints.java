package dev.kcaws.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The bundle's endpoints for this program, under {@code <realm>/aws/cli/}: the roles the user
 * holds now, and credentials for one of them. Their refusals become one line saying what to do.
 */
public final class CliEndpoints {
    private final KeycloakHttp http;
    private final RealmUrl url;
    private Consumer<String> warnings = line -> { };

    public CliEndpoints(KeycloakHttp http, RealmUrl url) {
        this.http = http;
        this.url = url;
    }

    /** Where a one-line warning goes (a listed role skipped because its values are unfit for a profile). */
    public CliEndpoints warnings(Consumer<String> lines) {
        this.warnings = lines;
        return this;
    }

    public List<Role> roles(String accessToken) {
        KeycloakHttp.Answer answer = http.get(url.resolve("/aws/cli/roles"), accessToken);
        if (answer.status() != 200) {
            throw refusal(answer, null, null);
        }
        if (!(answer.json().get("roles") instanceof List<?> list)) {
            throw new CliFailure(url + "/aws/cli/roles did not answer with a role list; is the AWS bundle installed there?");
        }
        List<Role> roles = new ArrayList<>();
        for (Object item : list) {
            if (item instanceof Map<?, ?> map) {
                @SuppressWarnings("unchecked")
                Role role = Role.from((Map<String, Object>) map);
                String problem = role.problem();
                if (problem == null) {
                    roles.add(role);
                } else {
                    warnings.accept("kcaws-aws: skipped a role that " + url + " listed: its " + problem);
                }
            }
        }
        return roles;
    }

    /** The credential_process JSON, checked to carry what the AWS CLI needs. */
    public String credentials(String accessToken, String account, String permissionSet) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("account", account);
        form.put("permissionSet", permissionSet);
        KeycloakHttp.Answer answer = http.postForm(url.resolve("/aws/cli/credentials"), form, accessToken);
        if (answer.status() != 200) {
            throw refusal(answer, account, permissionSet);
        }
        Map<String, Object> json = answer.json();
        for (String member : List.of("AccessKeyId", "SecretAccessKey", "SessionToken", "Expiration")) {
            if (Json.string(json, member) == null) {
                throw new CliFailure(url + "/aws/cli/credentials answered without " + member + "; ask your Keycloak administrator");
            }
        }
        if (CredentialCache.expiration(answer.body()) == null) {
            throw new CliFailure(url + "/aws/cli/credentials answered with an unreadable Expiration; ask your Keycloak administrator");
        }
        return Json.write(json);
    }

    private CliFailure refusal(KeycloakHttp.Answer answer, String account, String permissionSet) {
        String pair = permissionSet + " in account " + account;
        return switch (answer.status()) {
            case 401 -> AccessTokens.signInExpired(url);
            case 403 -> account == null
                    ? new CliFailure("Keycloak at " + url + " refused the role list (" + answer.errorDescription() + ")")
                    : new CliFailure("you no longer hold " + pair + "; run: kcaws-aws configure --url " + url);
            case 404 -> account == null
                    ? new CliFailure("no AWS bundle endpoint at " + url + "/aws/cli (or its client " + DeviceSignIn.CLIENT_ID
                            + " is disabled); check --url or ask your Keycloak administrator")
                    : new CliFailure("Keycloak at " + url + " knows no " + pair + " (" + answer.errorDescription()
                            + "); run: kcaws-aws configure --url " + url);
            case 400 -> new CliFailure("Keycloak at " + url + " refused the request: " + answer.errorDescription());
            case 502 -> new CliFailure("AWS refused the credentials for " + pair + ": " + answer.errorDescription());
            case 503 -> new CliFailure("Keycloak at " + url + " cannot issue credentials now: " + answer.errorDescription()
                    + "; try again later or ask your administrator");
            default -> new CliFailure("Keycloak at " + url + " answered HTTP " + answer.status() + " ("
                    + answer.errorDescription() + "); try again later");
        };
    }
}
