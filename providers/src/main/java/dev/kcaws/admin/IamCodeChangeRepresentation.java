package dev.kcaws.admin;

import java.util.List;

/**
 * An account whose IAM code a change of assignments changed: the permission sets whose role the
 * code now has and had not ({@code added}). Until the new code is deployed in the account, signing
 * in with those sets fails at AWS; {@code GET /aws/iac/deployment?accountId=} tells how to deploy it.
 */
public record IamCodeChangeRepresentation(String accountId, String accountName, List<String> added) {
}
