package dev.kcaws.identitycenter;

import dev.kcaws.scim.BearerToken;
import dev.kcaws.scim.LeavePolicy;
import dev.kcaws.scim.ScimClient;
import dev.kcaws.scim.ScimException;
import dev.kcaws.scim.UserNameSource;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.vault.VaultStringSecret;

/**
 * One realm's SCIM push to IAM Identity Center: where to push, with which token, which groups (and
 * so which users), what happens to a user who left them, and how often the full reconcile runs.
 *
 * <p>Kept as a realm component ({@link ScimSettingsComponent}), read afresh from Keycloak's model on
 * every call: no copy is cached here, so every node of a cluster sees an admin's change at once.
 * The token is held as stored (the token itself or a {@code ${vault.key}} reference) and never shown
 * by {@link #toString()}; {@link #token(KeycloakSession)} resolves it when a request is about to go out.
 */
public final class IdentityCenterSettings {

    /** How often the full reconcile runs when the admin does not say. */
    public static final Duration DEFAULT_RECONCILE_INTERVAL = Duration.ofHours(1);

    private final boolean enabled;
    private final URI endpoint;
    private final String storedToken;
    private final List<String> groupIds;
    private final LeavePolicy leavePolicy;
    private final Duration reconcileInterval;
    private final UserNameSource userNameSource;

    IdentityCenterSettings(boolean enabled, URI endpoint, String storedToken, List<String> groupIds,
                           LeavePolicy leavePolicy, Duration reconcileInterval, UserNameSource userNameSource) {
        this.enabled = enabled;
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.storedToken = Objects.requireNonNull(storedToken, "token");
        this.groupIds = List.copyOf(groupIds);
        this.leavePolicy = Objects.requireNonNull(leavePolicy, "leavePolicy");
        this.reconcileInterval = Objects.requireNonNull(reconcileInterval, "reconcileInterval");
        this.userNameSource = Objects.requireNonNull(userNameSource, "userNameSource");
    }

    /**
     * The realm's push settings, or empty when none are stored or the push is disabled: the one
     * reader for everything that pushes (change capture, reconcile, sync now).
     */
    public static Optional<IdentityCenterSettings> of(KeycloakSession session, RealmModel realm) {
        return stored(realm).filter(IdentityCenterSettings::enabled);
    }

    /** The stored settings, disabled ones included (the admin API shows and edits those too). */
    public static Optional<IdentityCenterSettings> stored(RealmModel realm) {
        return ScimSettingsComponent.find(realm).flatMap(component -> ScimSettingsComponent.read(realm, component));
    }

    public boolean enabled() {
        return enabled;
    }

    /** Identity Center's SCIM endpoint, {@code https://scim.<region>.amazonaws.com/<tenant>/scim/v2/}. */
    public URI endpoint() {
        return endpoint;
    }

    /** Keycloak IDs of the groups chosen for the push (a group deleted since is simply absent from the realm). */
    public List<String> groupIds() {
        return groupIds;
    }

    public LeavePolicy leavePolicy() {
        return leavePolicy;
    }

    /** Time between two scheduled full reconciles; {@link Duration#ZERO} when only on demand. */
    public Duration reconcileInterval() {
        return reconcileInterval;
    }

    /** The realm's {@link UserNameSetting} (one setting for the NameID and the SCIM userName). */
    public UserNameSource userNameSource() {
        return userNameSource;
    }

    /** Whether the token is a {@code ${vault.key}} reference rather than the token itself. */
    public boolean tokenFromVault() {
        return VaultReference.is(storedToken);
    }

    /** The {@code ${vault.key}} reference the token is read through, if it is one (a reference is not a secret). */
    public Optional<String> tokenVaultReference() {
        return tokenFromVault() ? Optional.of(storedToken.strip()) : Optional.empty();
    }

    /**
     * The bearer token, a vault reference resolved through Keycloak's vault ({@code session.vault()})
     * now, never stored resolved.
     *
     * @throws ScimException with status 401 when the vault has no such secret (the token cannot be
     *         used, as if Identity Center refused it: keep the change for later)
     */
    public BearerToken token(KeycloakSession session) {
        if (!tokenFromVault()) {
            return BearerToken.of(storedToken);
        }
        try (VaultStringSecret secret = session.vault().getStringSecret(storedToken)) {
            return secret.get().filter(value -> !value.isBlank()).map(BearerToken::of)
                    .orElseThrow(() -> new ScimException("ReadToken", 401,
                            "Keycloak's vault has no secret " + VaultReference.key(storedToken)));
        }
    }

    /** A client for the endpoint with the resolved token. */
    public ScimClient client(KeycloakSession session) {
        return ScimClient.create(endpoint, token(session));
    }

    /** As stored: the token itself or the vault reference. For this package's admin code only. */
    String storedToken() {
        return storedToken;
    }

    @Override
    public String toString() {
        return "IdentityCenterSettings[enabled=" + enabled + ", endpoint=" + endpoint + ", token=***, groups="
                + groupIds + ", leavePolicy=" + leavePolicy + ", reconcileInterval=" + reconcileInterval + "]";
    }
}
