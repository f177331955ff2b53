/**
 * Pure rules and an HTTP client for pushing users and groups to AWS IAM Identity Center's SCIM
 * endpoint, as AWS's <em>IAM Identity Center SCIM Implementation Developer Guide</em> states them
 * (see {@code docs/identity-center-scim-rules.md}). No Keycloak imports: the Keycloak side hands
 * in plain values ({@link dev.kcaws.scim.KeycloakUser}) and decides when to call.
 */
package dev.kcaws.scim;
