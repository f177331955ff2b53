package dev.kcaws.identitycenter;

import dev.kcaws.keycloak.RealmComponentLock;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.jboss.logging.Logger;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Reads and writes the realm component ({@code parentId} = the realm) that holds the push
 * settings. One per realm; the config keys are the {@link ScimSettingsRules} field names.
 */
public final class ScimSettingsComponent {

    public static final String PROVIDER_TYPE = ScimPushSettingsProvider.class.getName();
    public static final String ENABLED = "enabled";
    static final String NAME = "IAM Identity Center SCIM push";

    private static final Logger LOG = Logger.getLogger(ScimSettingsComponent.class);

    private ScimSettingsComponent() {
    }

    /**
     * The realm's settings component, as Keycloak's model holds it. A realm holds one (every write
     * path refuses a second); one that holds several from before that rule keeps working: the one of
     * the lowest ID is read, on every node alike, and a warning names the others.
     */
    public static Optional<ComponentModel> find(RealmModel realm) {
        return first(realm, realm.getComponentsStream(realm.getId(), PROVIDER_TYPE).toList());
    }

    /** The component of the lowest ID, with a warning naming the ignored ones when there are several. */
    static Optional<ComponentModel> first(RealmModel realm, List<ComponentModel> components) {
        List<ComponentModel> byId = components.stream().sorted(Comparator.comparing(ComponentModel::getId)).toList();
        if (byId.size() > 1) {
            LOG.warnf("Realm %s holds %d IAM Identity Center SCIM settings components; the one with ID %s is used, %s ignored."
                            + " Save the settings once (admin page or PUT …/aws/identity-center/scim) to remove the others",
                    realm.getName(), byId.size(), byId.get(0).getId(), byId.subList(1, byId.size()).stream().map(ComponentModel::getId).toList());
        }
        return byId.stream().findFirst();
    }

    /** A change of a realm's settings, given the realm (of the change's own session) and its settings as locked. */
    @FunctionalInterface
    public interface Change<T> {
        T apply(RealmModel realm, Locked settings);
    }

    /**
     * Runs the change in a transaction of its own that first locks the realm's settings (until it
     * ends) and reads them from the database, so that two saves at once (on one node or two) are one
     * after the other: the second sees what the first stored and updates it instead of adding a
     * second component. Its own transaction, because the request's has loaded the realm (and maybe
     * its components and attributes) before the lock, and Hibernate would write back from that
     * state: a config row the other save replaced, an attribute it added. Whatever the change
     * throws rolls it back and is thrown on.
     */
    public static <T> T change(KeycloakSession session, RealmModel realm, Change<T> change) {
        String realmId = realm.getId();
        return KeycloakModelUtils.runJobInTransactionWithResult(session.getKeycloakSessionFactory(), apart -> {
            List<ComponentModel> stored = RealmComponentLock.acquire(apart, realmId, PROVIDER_TYPE).stored();
            RealmModel locked = apart.realms().getRealm(realmId);
            apart.getContext().setRealm(locked);
            return change.apply(locked, locked(locked, stored));
        });
    }

    /** The settings of a realm whose lock this transaction holds, as {@code stored} (from the database). */
    static Locked locked(RealmModel realm, List<ComponentModel> stored) {
        return new Locked(realm, stored);
    }

    /** The components of a realm's settings other than {@code id}, as the database holds them now (under the lock). */
    static List<String> othersStored(KeycloakSession session, RealmModel realm, String id) {
        return RealmComponentLock.acquire(session, realm, PROVIDER_TYPE).stored().stream()
                .map(ComponentModel::getId).filter(other -> !other.equals(id)).toList();
    }

    static ScimSettingsDraft draft(ComponentModel model) {
        String enabled = model.get(ENABLED);
        return new ScimSettingsDraft(enabled == null ? null : Boolean.valueOf(enabled.strip()),
                model.get(ScimSettingsRules.ENDPOINT), model.get(ScimSettingsRules.TOKEN),
                model.getConfig().getOrDefault(ScimSettingsRules.GROUPS, List.of()),
                model.get(ScimSettingsRules.LEAVE_POLICY), model.get(ScimSettingsRules.RECONCILE_INTERVAL));
    }

    /** The settings the draft describes in this realm, or {@link ScimSettingsRules.Invalid}. */
    static IdentityCenterSettings check(RealmModel realm, ScimSettingsDraft draft) {
        return ScimSettingsRules.check(draft, id -> realm.getGroupById(id) != null, UserNameSetting.of(realm));
    }

    /**
     * The stored settings. Every write path validated them; a group deleted since does not make
     * them unreadable (it is simply no longer pushed). Anything else broken (a hand-edited
     * database) is logged by field name only and read as "not configured".
     */
    static Optional<IdentityCenterSettings> read(RealmModel realm, ComponentModel model) {
        try {
            return Optional.of(ScimSettingsRules.check(draft(model), id -> true, UserNameSetting.of(realm)));
        } catch (ScimSettingsRules.Invalid invalid) {
            LOG.warnf("Realm %s: the IAM Identity Center SCIM settings are unreadable (%s); nothing is pushed",
                    realm.getName(), invalid.violations().stream().map(v -> v.field()).toList());
            return Optional.empty();
        }
    }

    /** What {@link #save} did. */
    public record Saved(IdentityCenterSettings settings, boolean created) {
    }

    /** A realm's settings as the database holds them, locked for this transaction by {@link #change}. */
    public static final class Locked {

        private final RealmModel realm;
        private final List<ComponentModel> stored;

        private Locked(RealmModel realm, List<ComponentModel> stored) {
            this.realm = realm;
            this.stored = stored;
        }

        private Optional<ComponentModel> existing() {
            return first(realm, stored);
        }

        /** What {@link #save} would store, without storing it; {@link ScimSettingsRules.Invalid} naming every bad field. */
        public IdentityCenterSettings validate(ScimSettingsDraft draft) {
            return ScimSettingsComponent.validate(realm, draft, existing());
        }

        /**
         * Checks the draft and stores it in place of the realm's settings; a draft without a token keeps
         * the stored one (the admin API never shows it, so a form cannot send it back). Extra components
         * from before the one-per-realm rule are removed: these settings replace them all.
         *
         * @throws ScimSettingsRules.Invalid naming every bad field; nothing is stored then
         */
        public Saved save(ScimSettingsDraft draft) {
            Optional<ComponentModel> existing = existing();
            IdentityCenterSettings settings = ScimSettingsComponent.validate(realm, draft, existing);
            removeExtras(existing);
            ComponentModel model = model(realm, settings, existing);
            if (existing.isPresent()) {
                realm.updateComponent(model);
            } else {
                realm.addComponentModel(model);
            }
            return new Saved(settings, existing.isEmpty());
        }

        /** Removes the realm's settings (every component of them); false when there were none. */
        public boolean remove() {
            stored.forEach(realm::removeComponent);
            return !stored.isEmpty();
        }

        private void removeExtras(Optional<ComponentModel> kept) {
            for (ComponentModel extra : stored) {
                if (kept.isPresent() && !kept.get().getId().equals(extra.getId())) {
                    LOG.warnf("Realm %s: removed the extra IAM Identity Center SCIM settings component %s (the settings just saved replace it)",
                            realm.getName(), extra.getId());
                    realm.removeComponent(extra);
                }
            }
        }
    }

    private static IdentityCenterSettings validate(RealmModel realm, ScimSettingsDraft draft, Optional<ComponentModel> existing) {
        ScimSettingsDraft complete = draft.token() == null || draft.token().isBlank()
                ? draft.withToken(existing.map(c -> c.get(ScimSettingsRules.TOKEN)).orElse(null)) : draft;
        return check(realm, complete);
    }

    /** The component for these settings, to add or to update in place of {@code existing}. */
    static ComponentModel model(RealmModel realm, IdentityCenterSettings settings, Optional<ComponentModel> existing) {
        ComponentModel model = existing.map(ComponentModel::new).orElseGet(ComponentModel::new);
        model.setName(NAME);
        model.setParentId(realm.getId());
        model.setProviderType(PROVIDER_TYPE);
        model.setProviderId(ScimSettingsComponentFactory.PROVIDER_ID);
        model.put(ENABLED, String.valueOf(settings.enabled()));
        model.put(ScimSettingsRules.ENDPOINT, settings.endpoint().toString());
        model.put(ScimSettingsRules.TOKEN, settings.storedToken());
        model.getConfig().put(ScimSettingsRules.GROUPS, new java.util.ArrayList<>(settings.groupIds()));
        model.put(ScimSettingsRules.LEAVE_POLICY, settings.leavePolicy().name());
        model.put(ScimSettingsRules.RECONCILE_INTERVAL, String.valueOf(settings.reconcileInterval().toMinutes()));
        return model;
    }
}
