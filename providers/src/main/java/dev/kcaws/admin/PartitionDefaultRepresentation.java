package dev.kcaws.admin;

/**
 * Which AWS client serves a partition's shortcut links and access keys.
 *
 * @param defaultClientId the stored choice, or null
 * @param servingClientId the client they go through now, or null when they are refused
 * @param problem         why they are refused ({@code NONE}, {@code NOT_CHOSEN}, {@code CHOSEN_UNUSABLE}), and {@code message} what to do
 */
public record PartitionDefaultRepresentation(String partition, String defaultClientId, String servingClientId, String problem,
                                             String message) {
}
