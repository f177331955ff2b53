package dev.kcaws.admin;

import java.util.List;

/**
 * An account whose IAM code a change of assignments changed: the permission sets whose role the
 * code now has and had not ({@code added}), and how to deploy the new code ({@code deployment}).
 * Until it is deployed, signing in to those roles fails at AWS.
 */
public record IamCodeChangeRepresentation(String accountId, String accountName, List<String> added,
                                          AccountDeploymentRepresentation deployment) {
}
