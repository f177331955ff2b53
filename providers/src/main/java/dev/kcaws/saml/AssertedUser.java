package dev.kcaws.saml;

import java.util.function.Function;

/** What the assertion may say about the user, read lazily from Keycloak's user. */
public record AssertedUser(String username, String email, Function<String, String> attribute) {
}
