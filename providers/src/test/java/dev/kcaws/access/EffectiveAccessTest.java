package dev.kcaws.access;

import dev.kcaws.access.EffectiveAccess.Group;
import dev.kcaws.access.EffectiveAccess.GroupSource;
import dev.kcaws.access.EffectiveAccess.Mapping;
import dev.kcaws.access.EffectiveAccess.Membership;
import dev.kcaws.access.EffectiveAccess.Person;
import dev.kcaws.access.EffectiveAccess.Row;
import dev.kcaws.access.ModelFormat.AccessName;
import dev.kcaws.aws.AccountId;
import dev.kcaws.aws.PermissionSetName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every way a user reaches a pair, each with its why: a user's own mapping, a group's (and a parent
 * group's, inherited by sub-group members), a composite (named), a group kept by LDAP or an identity
 * provider (named when the user is linked to it), and the window of a time-bound assignment.
 */
class EffectiveAccessTest {

    static final long NOW = Instant.parse("2026-12-01T10:00:00Z").toEpochMilli();

    final Map<String, AccessName> access = new HashMap<>();
    final Map<String, List<String>> composites = new HashMap<>();
    final Map<String, String> labels = new HashMap<>();
    final Map<String, Group> groups = new HashMap<>();
    final List<Mapping> groupMappings = new ArrayList<>();
    final List<Mapping> userMappings = new ArrayList<>();
    final List<Membership> memberships = new ArrayList<>();
    final Map<String, Person> people = new HashMap<>();
    final Map<String, List<GroupSource>> sources = new HashMap<>();
    final Map<AccessName, AccessWindows> windows = new HashMap<>();

    EffectiveAccessTest() {
        access.put("r-prod-admin", name("111111111111", "AdministratorAccess"));
        access.put("r-dev-power", name("222222222222", "PowerUserAccess"));
        groups.put("g-eng", new Group("g-eng", "/Engineering", null));
        groups.put("g-back", new Group("g-back", "/Engineering/Backend", "g-eng"));
        groups.put("g-ldap", new Group("g-ldap", "/ldap", null));
        groups.put("g-ops", new Group("g-ops", "/ldap/ops", "g-ldap"));
        person("u-bob", "bob", Set.of());
        person("u-ann", "ann", Set.of("ldap-1"));
    }

    @Test
    void aUsersOwnMappingIsDirect() {
        userMappings.add(new Mapping("u-bob", "r-prod-admin"));
        assertThat(why()).containsExactly("bob 111111111111:AdministratorAccess USER group=null memberOf=null composite=null managedBy=null held=true");
    }

    @Test
    void aParentGroupsMappingReachesMembersOfItsSubGroupsNamingBothPaths() {
        groupMappings.add(new Mapping("g-eng", "r-dev-power"));
        memberships.add(new Membership("u-bob", "g-back"));
        memberships.add(new Membership("u-ann", "g-eng"));
        assertThat(why()).containsExactly(
                "ann 222222222222:PowerUserAccess GROUP group=/Engineering memberOf=null composite=null managedBy=null held=true",
                "bob 222222222222:PowerUserAccess GROUP group=/Engineering memberOf=/Engineering/Backend composite=null managedBy=null held=true");
    }

    @Test
    void aCompositeIsNamedAndNestedCompositesAreExpanded() {
        access.put("r-other", name("333333333333", "ReadOnlyAccess"));
        composites.put("c-outer", List.of("c-inner"));
        composites.put("c-inner", List.of("r-prod-admin", "r-other"));
        labels.put("c-outer", "platform-admin");
        groupMappings.add(new Mapping("g-eng", "c-outer"));
        memberships.add(new Membership("u-bob", "g-eng"));
        assertThat(why()).containsExactly(
                "bob 111111111111:AdministratorAccess GROUP group=/Engineering memberOf=null composite=platform-admin managedBy=null held=true",
                "bob 333333333333:ReadOnlyAccess GROUP group=/Engineering memberOf=null composite=platform-admin managedBy=null held=true");
    }

    @Test
    void aRoleNotReachingAnyAccessRoleGivesNoRow() {
        composites.put("c-unrelated", List.of("r-nothing"));
        userMappings.add(new Mapping("u-bob", "c-unrelated"));
        userMappings.add(new Mapping("u-bob", "r-nothing"));
        assertThat(why()).isEmpty();
    }

    @Test
    void eachPathIsItsOwnRow() {
        userMappings.add(new Mapping("u-bob", "r-prod-admin"));
        groupMappings.add(new Mapping("g-eng", "r-prod-admin"));
        memberships.add(new Membership("u-bob", "g-eng"));
        assertThat(why()).containsExactly(
                "bob 111111111111:AdministratorAccess USER group=null memberOf=null composite=null managedBy=null held=true",
                "bob 111111111111:AdministratorAccess GROUP group=/Engineering memberOf=null composite=null managedBy=null held=true");
    }

    @Test
    void aGroupKeptByLdapIsNamedForTheUsersItsProviderLinks() {
        sources.put("g-ldap", List.of(new GroupSource("ldap-1", "ldap:corp-ldap")));
        groupMappings.add(new Mapping("g-ops", "r-prod-admin"));
        memberships.add(new Membership("u-ann", "g-ops"));
        memberships.add(new Membership("u-bob", "g-ops")); // added by hand: not linked to the provider
        assertThat(why()).containsExactly(
                "ann 111111111111:AdministratorAccess GROUP group=/ldap/ops memberOf=null composite=null managedBy=ldap:corp-ldap held=true",
                "bob 111111111111:AdministratorAccess GROUP group=/ldap/ops memberOf=null composite=null managedBy=null held=true");
    }

    /** A membership an LDAP group mapper keeps in LDAP (READ_ONLY mode), reported by the provider: named by it, wherever the group is. */
    @Test
    void aMembershipReportedByAUserStorageProviderIsNamedByIt() {
        groupMappings.add(new Mapping("g-eng", "r-prod-admin"));
        memberships.add(new Membership("u-ann", "g-back", "ldap:corp-ldap"));
        assertThat(why()).containsExactly(
                "ann 111111111111:AdministratorAccess GROUP group=/Engineering memberOf=/Engineering/Backend composite=null managedBy=ldap:corp-ldap held=true");
    }

    @Test
    void theWindowOfTheMappingDecidesWhetherItIsHeldNow() {
        AccessName prod = access.get("r-prod-admin");
        AccessWindow ended = new AccessWindow(null, Instant.ofEpochMilli(NOW));
        AccessWindow current = new AccessWindow(null, Instant.ofEpochMilli(NOW + 1));
        windows.put(prod, AccessWindows.NONE.withUser("u-bob", ended).withGroup("g-eng", current));
        userMappings.add(new Mapping("u-bob", "r-prod-admin"));
        groupMappings.add(new Mapping("g-eng", "r-prod-admin"));
        memberships.add(new Membership("u-ann", "g-eng"));
        List<Row> rows = EffectiveAccess.rows(realm(), NOW);
        assertThat(rows).extracting(Row::username, Row::window, Row::heldNow)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ann", current, true), org.assertj.core.groups.Tuple.tuple("bob", ended, false));
    }

    @Test
    void anUnreadableWindowGrantsNothing() {
        windows.put(access.get("r-prod-admin"), AccessWindows.UNREADABLE);
        userMappings.add(new Mapping("u-bob", "r-prod-admin"));
        assertThat(why()).containsExactly("bob 111111111111:AdministratorAccess USER group=null memberOf=null composite=null managedBy=null held=false");
    }

    List<String> why() {
        return EffectiveAccess.rows(realm(), NOW).stream().map(r -> r.username() + " " + r.access().account().value() + ":"
                + r.access().permissionSet().value() + " " + r.via() + " group=" + r.group() + " memberOf=" + r.memberOf()
                + " composite=" + r.composite() + " managedBy=" + r.managedBy() + " held=" + r.heldNow()).toList();
    }

    EffectiveAccess.Realm realm() {
        return new EffectiveAccess.Realm(access, composites, labels, groups, groupMappings, userMappings, memberships, people, sources,
                windows::get);
    }

    void person(String id, String username, Set<String> links) {
        people.put(id, new Person(id, username, true, links));
    }

    static AccessName name(String account, String set) {
        return new AccessName(new AccountId(account), new PermissionSetName(set));
    }
}
