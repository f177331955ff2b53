package dev.kcaws.testsupport.awssts;

/**
 * One {@code AssumeRoleWithSAML} call the AWS-like STS accepted. Deliberately without the
 * credentials it issued: tests assert on what was asked for, and nothing keeps the secrets.
 *
 * @param durationSeconds the session length granted (the requested one, else the default)
 * @param durationRequested whether the call carried DurationSeconds
 */
public record StsCall(String roleArn, String principalArn, String roleSessionName, int durationSeconds,
        boolean durationRequested, String nameId) {
}
