package dev.kcaws.aws;

import java.util.List;

/**
 * {@link IdentityCenterUserName}'s rule as SQL {@code LIKE} patterns, so that a database can count
 * the usernames Identity Center would refuse as a NameID without the users being loaded: a value is
 * not an address when it lacks {@link #ADDRESS_SHAPE}, matches any of {@link #REFUSED_SHAPES} or is
 * longer than {@link IdentityCenterUserName#MAX_CHARS}. Exact for every ASCII value whose characters
 * are RFC 2822 atext, dots and {@code @} (all Keycloak's default username check lets through, besides
 * letters outside ASCII, which only the Java rule catches); {@code NotAnAddressTest} holds both rules
 * side by side.
 */
public final class NotAnAddress {

    /** Something on both sides of an {@code @}. */
    public static final String ADDRESS_SHAPE = "%_@_%";

    /**
     * Two {@code @}s, a dot at either end of either side, two dots in a row, and the characters
     * outside atext that a username may hold when it bypassed Keycloak's username check (an import, a
     * user-storage provider); none of them is a LIKE wildcard or escape on any database.
     */
    public static final List<String> REFUSED_SHAPES = List.of(
            "%@%@%", ".%", "%.", "%..%", "%.@%", "%@.%",
            "% %", "%,%", "%;%", "%:%", "%<%", "%>%", "%(%", "%)%", "%\"%");

    private NotAnAddress() {
    }
}
