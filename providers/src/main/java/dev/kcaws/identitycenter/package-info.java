/**
 * AWS IAM Identity Center with Keycloak as its external identity provider: the SAML client, the
 * SCIM push of users and groups (settings, outbox, reconcile, status) and the Identity Center side
 * as code. Pure SCIM rules live in {@code dev.kcaws.scim}; calls into Keycloak internals go through
 * {@code dev.kcaws.keycloak}.
 */
package dev.kcaws.identitycenter;
