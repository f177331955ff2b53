package dev.kcaws.access;

import org.junit.jupiter.api.Test;
import org.keycloak.models.GroupModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which paths grant a role at one moment: a user's own mapping (the user's window), a group's or a
 * parent group's mapping (that group's window), a composite (no window of its own, but nothing from
 * a mapping that is outside its window). Keycloak's models are stood in for by minimal fakes.
 */
class HeldRolesTest {

    static final long NOW = Instant.parse("2026-12-01T10:00:00Z").toEpochMilli();
    static final AccessWindow ENDED = new AccessWindow(null, Instant.ofEpochMilli(NOW));
    static final AccessWindow CURRENT = new AccessWindow(Instant.ofEpochMilli(NOW - 1000), Instant.ofEpochMilli(NOW + 1000));
    static final AccessWindow FUTURE = new AccessWindow(Instant.ofEpochMilli(NOW + 1), null);

    final RoleModel prod = role("access:111111111111:Admin");
    final RoleModel dev = role("access:222222222222:ReadOnly");
    final Map<RoleModel, AccessWindows> windows = new HashMap<>();

    @Test
    void aUsersOwnAssignmentGrantsOnlyInsideItsWindow() {
        UserModel user = user("u", List.of(prod), List.of());
        assertThat(held(user)).containsExactly("access:111111111111:Admin");
        windows.put(prod, AccessWindows.NONE.withUser("u", CURRENT));
        assertThat(held(user)).containsExactly("access:111111111111:Admin");
        windows.put(prod, AccessWindows.NONE.withUser("u", ENDED));
        assertThat(held(user)).isEmpty();
        windows.put(prod, AccessWindows.NONE.withUser("u", FUTURE));
        assertThat(held(user)).isEmpty();
        windows.put(prod, AccessWindows.NONE.withUser("someone-else", ENDED));
        assertThat(held(user)).as("another user's window binds only that user").containsExactly("access:111111111111:Admin");
    }

    @Test
    void aGroupsAssignmentHasThatGroupsWindowAlsoForMembersOfItsSubgroups() {
        GroupModel parent = group("p", null, List.of(prod));
        GroupModel child = group("c", parent, List.of(dev));
        UserModel user = user("u", List.of(), List.of(child));
        assertThat(held(user)).containsExactlyInAnyOrder("access:111111111111:Admin", "access:222222222222:ReadOnly");
        windows.put(prod, AccessWindows.NONE.withGroup("p", ENDED));
        assertThat(held(user)).containsExactly("access:222222222222:ReadOnly");
        windows.put(dev, AccessWindows.NONE.withGroup("p", ENDED));
        assertThat(held(user)).as("the parent's window does not bind the child's own mapping").contains("access:222222222222:ReadOnly");
    }

    @Test
    void aSecondPermanentPathKeepsTheAccess() {
        GroupModel temporary = group("t", null, List.of(prod));
        GroupModel permanent = group("p", null, List.of(prod));
        UserModel user = user("u", List.of(), List.of(temporary, permanent));
        windows.put(prod, AccessWindows.NONE.withGroup("t", ENDED));
        assertThat(held(user)).containsExactly("access:111111111111:Admin");
        windows.put(prod, AccessWindows.NONE.withGroup("t", ENDED).withGroup("p", ENDED));
        assertThat(held(user)).isEmpty();
        windows.put(prod, AccessWindows.NONE.withGroup("t", ENDED).withGroup("p", ENDED).withUser("u", CURRENT));
        assertThat(held(user)).as("the user's own mapping has no window: only the groups' did")
                .isEmpty();
    }

    @Test
    void aCompositeGrantsWithoutAWindowOfItsOwnButNothingComesFromAnEndedMapping() {
        RoleModel bundle = role("engineering", prod);
        UserModel user = user("u", List.of(bundle), List.of());
        windows.put(prod, AccessWindows.NONE.withUser("u", ENDED));
        assertThat(held(user)).as("held through the composite, which is not an assignment")
                .containsExactlyInAnyOrder("engineering", "access:111111111111:Admin");

        RoleModel timedBundle = role("access:333333333333:Bundle", dev);
        UserModel other = user("o", List.of(timedBundle), List.of());
        windows.put(timedBundle, AccessWindows.NONE.withUser("o", ENDED));
        assertThat(held(other)).isEmpty();
    }

    @Test
    void aWindowThatCannotBeReadLetsNoMappingOfItsRoleGrant() {
        GroupModel group = group("g", null, List.of(prod));
        UserModel user = user("u", List.of(prod), List.of(group));
        windows.put(prod, AccessWindows.UNREADABLE);
        assertThat(held(user)).isEmpty();
    }

    @Test
    void anAccessEndsWithTheLatestOfItsPathsAndNotAtAllWithAPermanentOne() {
        AccessWindow soon = new AccessWindow(null, Instant.ofEpochMilli(NOW + 1000));
        AccessWindow later = new AccessWindow(null, Instant.ofEpochMilli(NOW + 5000));
        GroupModel a = group("a", null, List.of(prod, dev));
        GroupModel b = group("b", null, List.of(prod));
        RoleModel bundle = role("access:333333333333:Bundle", dev);
        UserModel user = user("u", List.of(bundle), List.of(a, b));
        windows.put(prod, AccessWindows.NONE.withGroup("a", soon).withGroup("b", later));
        windows.put(dev, AccessWindows.NONE.withGroup("a", soon));
        windows.put(bundle, AccessWindows.NONE.withUser("u", ENDED));
        Map<String, Instant> ends = new HashMap<>();
        HeldRoles.ends(user, windows::get, NOW).forEach((role, end) -> ends.put(role.getName(), end));
        assertThat(ends).containsOnly(Map.entry("access:111111111111:Admin", later.notAfter()),
                Map.entry("access:222222222222:ReadOnly", soon.notAfter()));

        windows.put(bundle, AccessWindows.NONE.withUser("u", CURRENT));
        windows.put(prod, AccessWindows.NONE.withGroup("a", soon));
        ends.clear();
        HeldRoles.ends(user, windows::get, NOW).forEach((role, end) -> ends.put(role.getName(), end));
        assertThat(ends).as("b's mapping of prod has no window; dev also comes through the bundle, until the bundle's end")
                .containsOnly(Map.entry("access:222222222222:ReadOnly", CURRENT.notAfter()), Map.entry("access:333333333333:Bundle", CURRENT.notAfter()));
    }

    private List<String> held(UserModel user) {
        Set<RoleModel> roles = HeldRoles.of(user, windows::get, NOW);
        return roles.stream().map(RoleModel::getName).sorted().collect(Collectors.toList());
    }

    // ---- minimal fakes of Keycloak's models: only what HeldRoles and RoleUtils call ----

    static RoleModel role(String name, RoleModel... composites) {
        return fake(RoleModel.class, Map.of(
                "getId", args -> "id-" + name,
                "getName", args -> name,
                "isComposite", args -> composites.length > 0,
                "getCompositesStream", args -> List.of(composites).stream()));
    }

    static GroupModel group(String id, GroupModel parent, List<RoleModel> mappings) {
        return fake(GroupModel.class, Map.of(
                "getId", args -> id,
                "getParentId", args -> parent == null ? null : parent.getId(),
                "getParent", args -> parent,
                "getRoleMappingsStream", args -> mappings.stream()));
    }

    static UserModel user(String id, List<RoleModel> mappings, List<GroupModel> groups) {
        return fake(UserModel.class, Map.of(
                "getId", args -> id,
                "getRoleMappingsStream", args -> mappings.stream(),
                "getGroupsStream", args -> new ArrayList<>(groups).stream()));
    }

    interface Answer {
        Object answer(Object[] args);
    }

    static <T> T fake(Class<T> type, Map<String, Answer> answers) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> switch (method.getName()) {
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            case "toString" -> type.getSimpleName() + ":" + answers.get("getId").answer(args);
            default -> {
                Answer answer = answers.get(method.getName());
                if (answer == null) {
                    throw new UnsupportedOperationException(method.getName());
                }
                yield answer.answer(args);
            }
        }));
    }
}
