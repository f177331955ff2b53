/**
 * Pure rules and an HTTP client for pushing users and groups to AWS IAM Identity Center's SCIM
 * endpoint, as AWS's <em>IAM Identity Center SCIM Implementation Developer Guide</em> states them
 * (see {@code docs/identity-center-scim-rules.md}). No Keycloak imports: the Keycloak side hands
 * in plain values ({@link dev.kcaws.scim.KeycloakUser}) and decides when to call. The push engine
 * ({@link dev.kcaws.scim.ScimPush}) reads what should be there from a {@link dev.kcaws.scim.PushSource}
 * and keeps what it sent in a {@link dev.kcaws.scim.PushLedger} (see {@code docs/identity-center-push.md}).
 */
package dev.kcaws.scim;
