package dev.kcaws.admin;

import dev.kcaws.aws.AwsRule;
import dev.kcaws.access.AccessStore;
import dev.kcaws.access.AwsAccount;
import dev.kcaws.access.ModelFormat;
import dev.kcaws.access.PermissionSet;
import dev.kcaws.aws.AccountId;
import dev.kcaws.aws.AwsRuleViolation;
import dev.kcaws.aws.PermissionSetName;
import dev.kcaws.keycloak.AdminPermissions;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleMapperModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.services.resources.admin.AdminEventBuilder;

import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import java.net.URI;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What every sub-resource of the AWS admin API works with — the request's session, realm, admin
 * permission checks (Keycloak's evaluator, through the adapter {@link AdminPermissions}) and admin
 * event builder — and the lookups they share, each answering the same 400/403/404 wherever it is used.
 */
record AdminContext(KeycloakSession session, RealmModel realm, AdminPermissions auth, AdminEventBuilder adminEvent) {

    AccessStore store() {
        return AccessStore.of(realm);
    }

    AccessStore storeForWriting() {
        return AccessStore.forWriting(session, realm);
    }

    AwsAccount existingAccount(String id) {
        return existingAccount(store(), id);
    }

    static AwsAccount existingAccount(AccessStore store, String id) {
        AccountId valid = valid(() -> new AccountId(id));
        return store.account(valid).orElseThrow(() -> AdminErrors.notFound(AwsRule.UNKNOWN_ACCOUNT, id));
    }

    PermissionSet existingSet(String name) {
        return existingSet(store(), name);
    }

    static PermissionSet existingSet(AccessStore store, String name) {
        PermissionSetName valid;
        try {
            valid = new PermissionSetName(name);
        } catch (AwsRuleViolation e) {
            throw AdminErrors.invalid(e.withField("permissionSet"));
        }
        return store.permissionSet(valid).orElseThrow(() -> AdminErrors.notFound(AwsRule.UNKNOWN_PERMISSION_SET, name));
    }

    /** The group (by path) or user (by username) an assignment names; exactly one of them. */
    RoleMapperModel principal(AssignmentRepresentation rep) {
        if ((rep.group() == null) == (rep.user() == null)) {
            throw AdminErrors.badRequest("principal", AwsRule.PRINCIPAL_ONE);
        }
        if (rep.group() != null) {
            GroupModel group = KeycloakModelUtils.findGroupByPath(session, realm, rep.group().startsWith("/") ? rep.group() : "/" + rep.group());
            if (group == null) {
                throw AdminErrors.notFound(AwsRule.UNKNOWN_GROUP, rep.group());
            }
            return group;
        }
        UserModel user = session.users().getUserByUsername(realm, rep.user());
        if (user == null) {
            if (!auth.canQueryUsers()) {
                throw new ForbiddenException(); // as Keycloak's UsersResource: no probing for usernames
            }
            throw AdminErrors.notFound(AwsRule.UNKNOWN_USER, rep.user());
        }
        return user;
    }

    /** Keycloak's map-role check for the (account, set) access role, which may not exist yet. */
    static void requireMapAccessRole(AccessStore store, AssignmentPermissions permissions, AwsAccount account, PermissionSet set) {
        permissions.requireMapAccessRole(store.modelClient(),
                store.accessRole(account.id(), set.name()).orElse(null),
                ModelFormat.accessRoleName(account.id().value(), set.name().value()));
    }

    static <T> T valid(Supplier<T> parse) {
        try {
            return parse.get();
        } catch (AwsRuleViolation e) {
            throw AdminErrors.invalid(e);
        } catch (InvalidFields e) {
            throw AdminErrors.invalid(e);
        }
    }

    void event(OperationType op, Object rep, String... path) {
        adminEvent.clone(session).operation(op).resourcePath(path).representation(rep).success();
    }

    /** {@code 201 Created} with the entity and a {@code Location} built on this request's URI, as Keycloak's own creates answer. */
    Response created(Function<UriBuilder, UriBuilder> location, Object entity) {
        URI uri = location.apply(session.getContext().getUri().getAbsolutePathBuilder()).build();
        return Response.created(uri).entity(entity).build();
    }
}
