package dev.kcaws.scim;

/**
 * Which Keycloak value becomes Identity Center's {@code userName}. The same setting decides the
 * SAML NameID, because Identity Center signs in the provisioned user whose {@code userName}
 * equals the NameID: two settings could disagree and lock users out.
 */
public enum UserNameSource {
    EMAIL,
    USERNAME
}
