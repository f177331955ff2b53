package dev.kcaws.access;

import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.storage.UserStorageProvider;
import org.keycloak.storage.UserStorageProviderModel;
import org.keycloak.storage.user.UserQueryMethodsProvider;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The members of groups that the realm's user-storage providers keep themselves: an LDAP group
 * mapper in {@code READ_ONLY} (its default) or {@code LDAP_ONLY} mode keeps memberships in LDAP,
 * never in Keycloak's tables, yet a login grants their roles ({@code user.getGroupsStream()} asks
 * the provider). Asked of each enabled provider through the user-storage SPI, as Keycloak's own
 * member listing ({@code getGroupMembersStream}) and the Identity Center push
 * ({@code KeycloakPushSource}) do. Public SPI only.
 */
public final class StorageGroupMembers {

    /** A provider that can list group members, with its label ({@code ldap:corp-ldap}). */
    private record Storage(UserQueryMethodsProvider query, String label) {
    }

    private final RealmModel realm;
    private final List<Storage> storages = new ArrayList<>();

    private StorageGroupMembers(KeycloakSession session, RealmModel realm) {
        this.realm = realm;
        realm.getComponentsStream(realm.getId(), UserStorageProvider.class.getName())
                .map(UserStorageProviderModel::new)
                .filter(UserStorageProviderModel::isEnabled)
                .forEach(model -> {
                    if (session.getProvider(UserStorageProvider.class, model) instanceof UserQueryMethodsProvider query) {
                        storages.add(new Storage(query, model.getProviderId() + ":" + model.getName()));
                    }
                });
    }

    /** The enabled user-storage providers of the realm. */
    public static StorageGroupMembers of(KeycloakSession session, RealmModel realm) {
        return new StorageGroupMembers(session, realm);
    }

    /** Whether the realm has a provider to ask (none: every membership is in Keycloak's tables). */
    public boolean any() {
        return !storages.isEmpty();
    }

    /** One member a provider reported: the group's ID, the user, and the provider's label. */
    @FunctionalInterface
    public interface Member {
        void accept(String groupId, UserModel user, String keptBy);
    }

    /**
     * Each member (no service accounts) the providers report for each of the groups (by ID; one
     * that no longer exists is skipped), with the provider's label: one request per provider and
     * group, none in a realm without providers. A provider keeping no memberships (an LDAP group
     * mapper in {@code IMPORT} mode, whose memberships are in Keycloak's tables) reports none.
     */
    public void forEachMember(Collection<String> groupIds, Member member) {
        if (storages.isEmpty()) {
            return;
        }
        for (String groupId : groupIds) {
            GroupModel group = realm.getGroupById(groupId);
            if (group == null) {
                continue;
            }
            for (Storage storage : storages) {
                storage.query().getGroupMembersStream(realm, group, null, null)
                        .filter(user -> user.getServiceAccountClientLink() == null)
                        .forEach(user -> member.accept(groupId, user, storage.label()));
            }
        }
    }
}
