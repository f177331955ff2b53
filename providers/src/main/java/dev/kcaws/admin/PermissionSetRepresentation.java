package dev.kcaws.admin;

import dev.kcaws.access.PermissionSet;
import dev.kcaws.aws.ConsoleDestination;
import dev.kcaws.aws.InlinePolicy;
import dev.kcaws.aws.ManagedPolicyArn;
import dev.kcaws.aws.PermissionSetDescription;
import dev.kcaws.aws.PermissionSetName;
import dev.kcaws.aws.SessionDuration;

import java.util.List;

/** A permission set as the admin API reads and writes it. */
public record PermissionSetRepresentation(String name, String description, Integer sessionDuration, String relayState,
                                          List<String> managedPolicies, String inlinePolicy, String permissionsBoundary) {

    static PermissionSetRepresentation of(PermissionSet s) {
        return new PermissionSetRepresentation(s.name().value(), s.description(), s.sessionDuration().seconds(),
                s.relayState() == null ? null : s.relayState().url(),
                s.managedPolicies().stream().map(ManagedPolicyArn::value).toList(),
                s.inlinePolicy() == null ? null : s.inlinePolicy().json(),
                s.permissionsBoundary() == null ? null : s.permissionsBoundary().value());
    }

    /** Validates every field by AWS's rules, each on its own so that all invalid fields are reported ({@link InvalidFields}). */
    PermissionSet toModel() {
        InvalidFields.Collector invalid = new InvalidFields.Collector();
        PermissionSetName setName = invalid.check(() -> new PermissionSetName(name));
        SessionDuration duration = invalid.check(() -> sessionDuration == null ? null : new SessionDuration(sessionDuration));
        ConsoleDestination destination = invalid.check(() -> relayState == null || relayState.isBlank() ? null
                : ConsoleDestination.parseAnyPartition("permissionSet.relayState", relayState));
        List<ManagedPolicyArn> policies = invalid.check(() -> managedPolicies == null ? List.of()
                : managedPolicies.stream().map(p -> ManagedPolicyArn.parse("permissionSet.managedPolicies", p)).toList());
        InlinePolicy inline = invalid.check(() -> inlinePolicy == null || inlinePolicy.isBlank() ? null
                : InlinePolicy.parse("permissionSet.inlinePolicy", inlinePolicy));
        ManagedPolicyArn boundary = invalid.check(() -> permissionsBoundary == null || permissionsBoundary.isBlank() ? null
                : ManagedPolicyArn.parse("permissionSet.permissionsBoundary", permissionsBoundary));
        invalid.check(() -> description == null ? null : new PermissionSetDescription(description));
        invalid.throwIfAny();
        return new PermissionSet(setName, description, duration, destination, policies, inline, boundary);
    }
}
