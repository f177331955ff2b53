package dev.kcaws.scim;

/**
 * How a PatchGroup names the members it removes. SCIM servers disagree, and AWS's guide shows no
 * removal example, so the form is the client's choice rather than a guess baked into every call.
 */
public enum MemberRemoval {
    /**
     * One {@code remove} of {@code members} with the IDs as a {@code value} list. What AWS's own
     * Identity Center sync tool (awslabs/ssosync, {@code RemoveUserFromGroup}) and Microsoft Entra
     * ID send to Identity Center, so the form Identity Center is known to honour: the default.
     */
    VALUE_LIST,
    /**
     * One {@code remove} per member with a filter path, {@code members[value eq "id"]} (RFC 7644
     * §3.5.2.2). Keycloak 26.7's SCIM server honours only this form (it answers 200 to a value
     * list and removes nothing); not known to be accepted by Identity Center.
     */
    FILTER_PATH
}
