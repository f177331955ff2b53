package dev.kcaws.admin;

import java.util.List;

/**
 * The answer to {@code POST /aws/assignments}: the assignment as stored (the fields of
 * {@link AssignmentRepresentation}) and the accounts whose IAM code it changed ({@code iamCodeChanged},
 * empty when the account's code had the role already).
 */
public record AssignmentResultRepresentation(String group, String user, String accountId, String permissionSet,
                                             String notBefore, String notAfter, List<IamCodeChangeRepresentation> iamCodeChanged) {

    static AssignmentResultRepresentation of(AssignmentRepresentation rep, List<IamCodeChangeRepresentation> iamCodeChanged) {
        return new AssignmentResultRepresentation(rep.group(), rep.user(), rep.accountId(), rep.permissionSet(),
                rep.notBefore(), rep.notAfter(), iamCodeChanged);
    }
}
