package dev.kcaws.admin;

import dev.kcaws.aws.AwsRule;
import dev.kcaws.aws.AwsRuleViolation;
import dev.kcaws.identitycenter.IdentityCenterSettings;
import dev.kcaws.identitycenter.ScimConnectionTest;
import dev.kcaws.identitycenter.ScimSettingsComponent;
import dev.kcaws.identitycenter.ScimSettingsRules;
import dev.kcaws.identitycenter.UserNameSetting;
import dev.kcaws.identitycenter.UserNameWarning;
import dev.kcaws.scim.UserNameSource;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.keycloak.events.admin.OperationType;
import org.keycloak.models.GroupModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * {@code /aws/identity-center/scim}: the realm's SCIM push to IAM Identity Center. Reading needs
 * view-realm; changing, removing and the connection test need manage-realm (as Keycloak's own
 * realm and components API). The token is write-only: no answer and no admin event carries it.
 */
public class ScimSettingsResource {

    private final AdminContext context;

    ScimSettingsResource(AdminContext context) {
        this.context = context;
    }

    /**
     * The settings with {@code tokenSet} in place of the token; {@code configured: false} when none are
     * stored; {@code userNameWarning} when USERNAME is the user name and users in scope have one that
     * is not an email address. View-realm.
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public ScimSettingsView get() {
        context.auth().requireViewRealm();
        Optional<IdentityCenterSettings> stored = IdentityCenterSettings.stored(context.realm());
        ScimSettingsView view = stored.map(this::view).orElseGet(() -> ScimSettingsView.none(UserNameSetting.of(context.realm()).name()));
        return withUserNameWarning(view, UserNameSetting.of(context.realm()), stored.map(IdentityCenterSettings::groupIds).orElse(List.of()));
    }

    /**
     * Replaces the settings (an omitted token keeps the stored one); 400 naming every bad field,
     * nothing changed then. Answers as {@link #get}: with USERNAME chosen, {@code userNameWarning}
     * counts the users in scope whose username is not an email address (a warning, not a refusal:
     * they can be fixed later). Manage-realm.
     */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public ScimSettingsView put(String body) {
        context.auth().requireManageRealm();
        ScimSettingsRepresentation rep = JsonBodies.read(body, ScimSettingsRepresentation.class);
        List<AwsRuleViolation> badName = new ArrayList<>();
        UserNameSource names = null;
        try {
            names = userNameSource(rep.userNameSource());
        } catch (AwsRuleViolation e) {
            badName.add(e);
        }
        UserNameSource chosen = names;
        // In a transaction of its own that locks the realm's settings first: two first PUTs at once
        // (one node or two) store one component, the later one updating it.
        ScimSettingsComponent.Saved saved = ScimSettingsComponent.change(context.session(), context.realm(), (realm, stored) -> {
            List<AwsRuleViolation> found = new ArrayList<>(badName);
            try {
                stored.validate(rep.toDraft());
            } catch (ScimSettingsRules.Invalid invalid) {
                found.addAll(invalid.violations());
            }
            if (!found.isEmpty()) {
                throw AdminErrors.invalid(InvalidFields.of(found));
            }
            // All checked: now write, the user-name source first so the settings read back carry it.
            if (chosen != null) {
                UserNameSetting.set(realm, chosen);
            }
            return stored.save(rep.toDraft());
        });
        ScimSettingsView view = view(saved.settings());
        context.event(saved.created() ? OperationType.CREATE : OperationType.UPDATE, view, "identity-center", "scim");
        return withUserNameWarning(view, saved.settings().userNameSource(), saved.settings().groupIds());
    }

    /** Removes the settings: nothing is pushed any more (what was pushed stays in Identity Center). Manage-realm. */
    @DELETE
    public Response delete() {
        context.auth().requireManageRealm();
        if (!ScimSettingsComponent.change(context.session(), context.realm(), (realm, stored) -> stored.remove())) {
            throw AdminErrors.notFound(AwsRule.NO_SCIM_SETTINGS);
        }
        context.event(OperationType.DELETE, null, "identity-center", "scim");
        return Response.noContent().build();
    }

    /**
     * Asks Identity Center for its {@code ServiceProviderConfig} with the stored endpoint and token:
     * {@code {ok, status, message}}, Identity Center's message on failure, never the token, never a
     * 500 when AWS is down. Manage-realm (it sends the token out).
     */
    @POST
    @Path("test")
    @Produces(MediaType.APPLICATION_JSON)
    public ScimConnectionTest.Result test() {
        context.auth().requireManageRealm();
        IdentityCenterSettings settings = IdentityCenterSettings.stored(context.realm())
                .orElseThrow(() -> AdminErrors.notFound(AwsRule.NO_SCIM_SETTINGS_SAVE_FIRST));
        return ScimConnectionTest.run(context.session(), settings);
    }

    private static UserNameSource userNameSource(String value) {
        if (value == null) {
            return null;
        }
        try {
            return UserNameSource.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new AwsRuleViolation("userNameSource", AwsRule.USER_NAME_SOURCE);
        }
    }

    /**
     * The answer with the warning about usernames that are not email addresses (USERNAME chosen): a
     * count in the database, examples only for an admin who may view users. Not in the admin event.
     */
    private ScimSettingsView withUserNameWarning(ScimSettingsView view, UserNameSource source, List<String> groupIds) {
        return UserNameWarning.of(context.session(), context.realm(), source, groupIds, context.auth().canViewUsers())
                .map(view::withUserNameWarning).orElse(view);
    }

    private ScimSettingsView view(IdentityCenterSettings settings) {
        List<ScimSettingsView.Group> groups = new ArrayList<>();
        for (String id : settings.groupIds()) {
            GroupModel group = context.realm().getGroupById(id);
            boolean shown = group != null && context.auth().canView(group);
            groups.add(new ScimSettingsView.Group(id, shown ? KeycloakModelUtils.buildGroupPath(group) : null));
        }
        // Keycloak keeps a component's values unordered: answer in one stable order, by path (then ID).
        groups.sort(Comparator.comparing((ScimSettingsView.Group g) -> g.path() == null ? "\uffff" : g.path()).thenComparing(ScimSettingsView.Group::id));
        return ScimSettingsView.of(settings, groups);
    }
}
