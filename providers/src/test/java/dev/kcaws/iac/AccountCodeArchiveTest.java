package dev.kcaws.iac;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static dev.kcaws.iac.IamAsCodeFixtures.DEVELOPER;
import static dev.kcaws.iac.IamAsCodeFixtures.GLOBAL;
import static dev.kcaws.iac.IamAsCodeFixtures.GOV;
import static dev.kcaws.iac.IamAsCodeFixtures.GOV_CLIENT;
import static dev.kcaws.iac.IamAsCodeFixtures.JSON;
import static dev.kcaws.iac.IamAsCodeFixtures.PROD;
import static dev.kcaws.iac.IamAsCodeFixtures.READ_ONLY;
import static dev.kcaws.iac.IamAsCodeFixtures.idp;
import static org.assertj.core.api.Assertions.assertThat;

class AccountCodeArchiveTest {

    static Map<String, String> entries(byte[] zip) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                files.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    static List<AccountCodeArchive.AccountCode> twoAccounts() {
        RealmIdentityProvider idp = idp(GLOBAL, GOV_CLIENT);
        return List.of(new AccountPermissionSets(PROD, List.of(READ_ONLY, DEVELOPER)), new AccountPermissionSets(GOV, List.of(READ_ONLY)))
                .stream().map(r -> new AccountCodeArchive.AccountCode(r.account(), Json.pretty(CloudFormationTemplate.of(idp, r)),
                        Json.pretty(TerraformConfiguration.of(idp, r)))).toList();
    }

    @Test
    void oneDirectoryPerAccountWithItsOwnTemplateAndConfigurationAsTheToolsReadThem() throws IOException {
        Map<String, String> files = entries(AccountCodeArchive.zip("acme", twoAccounts()));
        assertThat(files.keySet()).containsExactly("README.txt", "111111111111/cloudformation.json", "111111111111/main.tf.json",
                "222222222222/cloudformation.json", "222222222222/main.tf.json");
        // Each file is one template / one configuration (what CloudFormation and Terraform read), not a map keyed by account.
        JsonNode prod = JSON.readTree(files.get("111111111111/cloudformation.json"));
        assertThat(prod.path("AWSTemplateFormatVersion").asText()).isEqualTo("2010-09-09");
        assertThat(prod.path("Resources").toString()).contains("Developer").contains("ReadOnlyAccess");
        JsonNode gov = JSON.readTree(files.get("222222222222/cloudformation.json"));
        assertThat(gov.path("Resources").toString()).contains("ReadOnlyAccess").doesNotContain("Developer");
        JsonNode tf = JSON.readTree(files.get("222222222222/main.tf.json"));
        assertThat(tf.path("provider").toString()).contains("222222222222");
        assertThat(files.get("README.txt"))
                .contains("111111111111 (prod)\n  aws cloudformation deploy --template-file 111111111111/cloudformation.json --stack-name kcaws")
                .contains("(cd 222222222222 && terraform init && terraform apply)");
    }

    @Test
    void theSameModelGivesTheSameBytes() {
        assertThat(AccountCodeArchive.zip("acme", twoAccounts())).isEqualTo(AccountCodeArchive.zip("acme", twoAccounts()));
    }
}
