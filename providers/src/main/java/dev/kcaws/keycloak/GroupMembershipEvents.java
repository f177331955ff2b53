package dev.kcaws.keycloak;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Optional;

import org.keycloak.models.GroupModel;
import org.keycloak.models.UserModel;

/**
 * Who left a group, where Keycloak's model event says it.
 *
 * <p>{@code GroupModel.GroupMemberLeaveEvent.getUser()} exists since Keycloak 26.5; 26.4.7's leave
 * event names only the group (its join event has the user). A plain call compiled against 26.7
 * would throw {@code NoSuchMethodError} on 26.4 inside the membership's own transaction, failing
 * every removal from a group, so the method is looked up once by name and left out where absent.
 */
public final class GroupMembershipEvents {

    private static final MethodHandle LEAVING_USER = leavingUser();

    private GroupMembershipEvents() {
    }

    /** The user who left, or empty on a Keycloak whose leave event does not say (26.4). */
    public static Optional<UserModel> userLeaving(GroupModel.GroupMemberLeaveEvent event) {
        if (LEAVING_USER == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable((UserModel) LEAVING_USER.invoke(event));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static MethodHandle leavingUser() {
        try {
            return MethodHandles.publicLookup().findVirtual(GroupModel.GroupMemberLeaveEvent.class, "getUser",
                    MethodType.methodType(UserModel.class));
        } catch (NoSuchMethodException | IllegalAccessException absent) {
            return null;
        }
    }
}
