package dev.kcaws.iac;

import dev.kcaws.access.AwsAccount;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Every account's IAM code in one download that the tools take as it is: a zip with one directory
 * per account ID holding that account's CloudFormation template ({@code cloudformation.json}) and
 * Terraform configuration ({@code main.tf.json}), and a {@code README.txt} with the command that
 * deploys each. One file per account rather than one StackSet template because the accounts'
 * templates differ (each holds only the roles assigned in it) and a StackSet needs AWS
 * Organizations' management account, which many users of direct IAM federation do not run.
 * Entries carry a fixed time, so the same model gives the same bytes.
 */
public final class AccountCodeArchive {

    /** The code of one account, as the per-account downloads give it. */
    public record AccountCode(AwsAccount account, String cloudFormation, String terraform) {
    }

    private static final long FIXED_TIME = 315_532_800_000L; // 1980-01-01, the earliest time a zip entry holds

    private AccountCodeArchive() {
    }

    public static byte[] zip(String realmName, List<AccountCode> accounts) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            add(zip, "README.txt", readme(realmName, accounts));
            for (AccountCode code : accounts) {
                String dir = code.account().id().value() + "/";
                add(zip, dir + "cloudformation.json", code.cloudFormation());
                add(zip, dir + "main.tf.json", code.terraform());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The deploy commands, one block per account; names are the model's validated account names. */
    static String readme(String realmName, List<AccountCode> accounts) {
        StringBuilder text = new StringBuilder();
        text.append("IAM side of AWS sign-in through Keycloak realm ").append(realmName).append(", one directory per AWS account.\n")
                .append("Deploy each directory with credentials of that account (one of the two):\n\n");
        for (AccountCode code : accounts) {
            String id = code.account().id().value();
            text.append(id).append(" (").append(code.account().name()).append(")\n")
                    .append("  ").append(DeployCommands.cloudFormation(id + "/cloudformation.json")).append('\n')
                    .append("  ").append(DeployCommands.terraform(id)).append("\n\n");
        }
        return text.toString();
    }

    private static void add(ZipOutputStream zip, String name, String content) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(FIXED_TIME);
        zip.putNextEntry(entry);
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
