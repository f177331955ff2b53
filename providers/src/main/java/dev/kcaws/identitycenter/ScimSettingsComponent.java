package dev.kcaws.identitycenter;

import java.util.List;
import java.util.Optional;

import org.jboss.logging.Logger;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.RealmModel;

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

    public static Optional<ComponentModel> find(RealmModel realm) {
        return realm.getComponentsStream(realm.getId(), PROVIDER_TYPE).findFirst();
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

    /**
     * Checks the draft and stores it in place of the realm's settings; a draft without a token keeps
     * the stored one (the admin API never shows it, so a form cannot send it back).
     *
     * @throws ScimSettingsRules.Invalid naming every bad field; nothing is stored then
     */
    public static Saved save(RealmModel realm, ScimSettingsDraft draft) {
        Optional<ComponentModel> existing = find(realm);
        IdentityCenterSettings settings = validate(realm, draft, existing);
        ComponentModel model = model(realm, settings, existing);
        if (existing.isPresent()) {
            realm.updateComponent(model);
        } else {
            realm.addComponentModel(model);
        }
        return new Saved(settings, existing.isEmpty());
    }

    /** What {@link #save} would store, without storing it; {@link ScimSettingsRules.Invalid} naming every bad field. */
    public static IdentityCenterSettings validate(RealmModel realm, ScimSettingsDraft draft) {
        return validate(realm, draft, find(realm));
    }

    private static IdentityCenterSettings validate(RealmModel realm, ScimSettingsDraft draft, Optional<ComponentModel> existing) {
        ScimSettingsDraft complete = draft.token() == null || draft.token().isBlank()
                ? draft.withToken(existing.map(c -> c.get(ScimSettingsRules.TOKEN)).orElse(null)) : draft;
        return check(realm, complete);
    }

    /** Removes the realm's settings; false when there were none. */
    public static boolean remove(RealmModel realm) {
        Optional<ComponentModel> existing = find(realm);
        existing.ifPresent(realm::removeComponent);
        return existing.isPresent();
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
