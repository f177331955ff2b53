package dev.kcaws.cli;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

class AwsConfigFileTest {
    static final RealmUrl URL = RealmUrl.parse("https://sso.example.com/realms/acme");
    static final List<String> SELF = List.of("/opt/kcaws tools/kcaws-aws");
    static final Predicate<String> OURS = p -> SelfCommand.isOurs(p, URL);

    static final String OTHERS = """
            # my settings, keep them
            [default]
            region = us-east-1
            output = json

            ; the old one
            [profile legacy]
            aws_access_key_id = AKIAEXAMPLE
            s3 =
              max_concurrent_requests = 20

            [sso-session corp]
            sso_start_url = https://corp.awsapps.com/start
            """;

    static Role role(String id, String name, String set, String region) {
        return new Role(id, name, set, region, "aws", 3600, null);
    }

    static Map<String, Map<String, String>> wanted(Role... roles) {
        return new ProfileWriter(URL, new ProfileNames(null), SELF).profiles(List.of(roles));
    }

    static String apply(String text, Map<String, Map<String, String>> wanted) {
        AwsConfigFile file = AwsConfigFile.parse(text);
        file.apply(wanted, OURS);
        return file.text();
    }

    @Test
    void addsOwnProfilesAfterEverythingElseLeavingItByteForByte() {
        String after = apply(OTHERS, wanted(role("222222222222", "acme-prod", "PowerUserAccess", "eu-west-1")));
        assertThat(after).startsWith(OTHERS);
        assertThat(after.substring(OTHERS.length())).isEqualTo("""

                [profile acme-prod/PowerUserAccess]
                credential_process = '/opt/kcaws tools/kcaws-aws' credentials --url https://sso.example.com/realms/acme --account 222222222222 --permission-set PowerUserAccess
                region = eu-west-1
                """);
    }

    @Test
    void removesOwnProfilesForRolesNoLongerHeldAndOnlyThose() {
        Map<String, Map<String, String>> both = wanted(role("222222222222", "acme-prod", "PowerUserAccess", "eu-west-1"),
                role("333333333333", "acme-dev", "AdministratorAccess", "us-east-2"));
        String withBoth = apply(OTHERS, both);
        String othersAfter = """
                [profile after]
                region = ap-south-1
                """;
        withBoth = withBoth + "\n" + othersAfter;

        AwsConfigFile file = AwsConfigFile.parse(withBoth);
        AwsConfigFile.Changes changes = file.apply(wanted(role("333333333333", "acme-dev", "AdministratorAccess", "us-east-2")), OURS);
        assertThat(changes.removed()).containsExactly("acme-prod/PowerUserAccess");
        assertThat(changes.added()).isEmpty();
        assertThat(changes.updated()).isEmpty();
        assertThat(file.profileNames()).containsExactly("default", "legacy", "acme-dev/AdministratorAccess", "after");
        assertThat(file.text()).startsWith(OTHERS).endsWith("\n" + othersAfter);

        AwsConfigFile none = AwsConfigFile.parse(file.text());
        none.apply(Map.of(), OURS);
        assertThat(none.text()).isEqualTo(OTHERS + "\n" + othersAfter);
    }

    @Test
    void removingEverythingItAddedGivesBackTheFileItStartedWith() {
        String added = apply(OTHERS, wanted(role("222222222222", "acme-prod", "PowerUserAccess", "eu-west-1"),
                role("333333333333", "acme-dev", "ReadOnly", null)));
        assertThat(apply(added, Map.of())).isEqualTo(OTHERS);
    }

    @Test
    void updatesOwnProfilesInPlaceKeepingKeysTheUserAdded() {
        String text = OTHERS + """

                [profile acme-prod/PowerUserAccess]
                output = table
                credential_process = /old/place/kcaws-aws credentials --url https://sso.example.com/realms/acme --account 222222222222 --permission-set PowerUserAccess
                region = us-east-1
                # user's note after my profile
                """;
        AwsConfigFile file = AwsConfigFile.parse(text);
        AwsConfigFile.Changes changes = file.apply(wanted(role("222222222222", "acme-prod", "PowerUserAccess", "eu-west-1")), OURS);
        assertThat(changes.updated()).containsExactly("acme-prod/PowerUserAccess");
        assertThat(file.text()).isEqualTo(OTHERS + """

                [profile acme-prod/PowerUserAccess]
                output = table
                credential_process = '/opt/kcaws tools/kcaws-aws' credentials --url https://sso.example.com/realms/acme --account 222222222222 --permission-set PowerUserAccess
                region = eu-west-1
                # user's note after my profile
                """);
        AwsConfigFile again = AwsConfigFile.parse(file.text());
        AwsConfigFile.Changes none = again.apply(wanted(role("222222222222", "acme-prod", "PowerUserAccess", "eu-west-1")), OURS);
        assertThat(none.updated()).isEmpty();
        assertThat(again.text()).isEqualTo(file.text());
    }

    /** As botocore reads the file, a profile runs to the next header: keys after a blank or comment line are still its. */
    static final String KEYS_AFTER_A_BLANK = OTHERS + """

            [profile acme-prod/PowerUserAccess]
            credential_process = /old/place/kcaws-aws credentials --url https://sso.example.com/realms/acme --account 222222222222 --permission-set PowerUserAccess
            region = us-east-1

            # added by hand
            output = table
            region = us-west-2

            ; about the next one
            [profile after]
            region = ap-south-1
            """;

    @Test
    void aProfileRunsToTheNextHeaderAcrossBlankAndCommentLines() {
        AwsConfigFile file = AwsConfigFile.parse(KEYS_AFTER_A_BLANK);
        assertThat(file.profile("acme-prod/PowerUserAccess")).containsEntry("output", "table").containsEntry("region", "us-west-2");
        assertThat(file.profile("legacy")).containsOnlyKeys("aws_access_key_id", "s3");
    }

    @Test
    void removingAProfileTakesTheKeysAfterItsBlankLinesAndLeavesTheNextSectionsLead() {
        String after = apply(KEYS_AFTER_A_BLANK, Map.of());
        assertThat(after).isEqualTo(OTHERS + """

                ; about the next one
                [profile after]
                region = ap-south-1
                """);
        assertThat(AwsConfigFile.parse(after).profile("sso-session corp")).isNull();
        assertThat(after).doesNotContain("output = table");
    }

    @Test
    void updatingAProfileFindsItsKeysAfterABlankLineAndAddsNoDuplicate() {
        String text = KEYS_AFTER_A_BLANK.replace("PowerUserAccess\nregion = us-east-1\n", "PowerUserAccess\n");
        AwsConfigFile file = AwsConfigFile.parse(text);
        file.apply(wanted(role("222222222222", "acme-prod", "PowerUserAccess", "eu-west-1")), OURS);
        assertThat(file.text()).isEqualTo(OTHERS + """

                [profile acme-prod/PowerUserAccess]
                credential_process = '/opt/kcaws tools/kcaws-aws' credentials --url https://sso.example.com/realms/acme --account 222222222222 --permission-set PowerUserAccess

                # added by hand
                output = table
                region = eu-west-1

                ; about the next one
                [profile after]
                region = ap-south-1
                """);
        assertThat(file.text().split("region = ", -1)).as("one region key per profile, three in all with [default] and [after]").hasSize(4);

        String noRegion = KEYS_AFTER_A_BLANK.replace("PowerUserAccess\nregion = us-east-1\n", "PowerUserAccess\n").replace("region = us-west-2\n", "");
        AwsConfigFile added = AwsConfigFile.parse(noRegion);
        added.apply(wanted(role("222222222222", "acme-prod", "PowerUserAccess", "eu-west-1")), OURS);
        assertThat(added.text()).contains("output = table\nregion = eu-west-1\n\n; about the next one\n[profile after]");
    }

    @Test
    void removingTheFirstProfileLeavesNoBlankLineLeadingTheFile() {
        String text = """
                [profile acme-prod/PowerUserAccess]
                credential_process = /opt/kcaws/kcaws-aws credentials --url https://sso.example.com/realms/acme --account 222222222222 --permission-set PowerUserAccess

                [default]
                region = us-east-1
                """;
        assertThat(apply(text, Map.of())).isEqualTo("[default]\nregion = us-east-1\n");
    }

    @Test
    void neverTouchesAProfileOfTheSameNameThatIsNotItsOwnNorOneForAnotherRealm() {
        String text = OTHERS + """

                [profile acme-prod/PowerUserAccess]
                credential_process = /usr/bin/other-tool --role x
                [profile other-realm]
                credential_process = /opt/kcaws-aws credentials --url https://sso.example.com/realms/other --account 222222222222 --permission-set X
                """;
        AwsConfigFile file = AwsConfigFile.parse(text);
        AwsConfigFile.Changes changes = file.apply(wanted(role("222222222222", "acme-prod", "PowerUserAccess", "eu-west-1")), OURS);
        assertThat(changes.skipped()).containsExactly("acme-prod/PowerUserAccess");
        assertThat(changes.removed()).isEmpty();
        assertThat(file.text()).isEqualTo(text);
    }

    @Test
    void keepsWindowsLineEndingsAndAFileWithoutAFinalNewline() {
        String crlf = "[default]\r\nregion = us-east-1";
        String after = apply(crlf, wanted(role("222222222222", "acme-prod", "PowerUserAccess", "eu-west-1")));
        assertThat(after).startsWith("[default]\r\nregion = us-east-1\r\n\r\n[profile acme-prod/PowerUserAccess]\r\n")
                .doesNotContain("\r\r").doesNotContainPattern("[^\\r]\\n");
        assertThat(apply(after, Map.of())).isEqualTo("[default]\r\nregion = us-east-1\r\n");
    }

    @Test
    void namesWithOddCharactersBecomeNamesTheAwsCliReadsBack() {
        ProfileNames names = new ProfileNames(null);
        assertThat(names.nameOf(role("222222222222", "Acme Prod [EU] #1; \"x\" 'y' \\z", "PowerUserAccess", null)))
                .isEqualTo("Acme-Prod-EU-1-x-y-z/PowerUserAccess");
        assertThat(names.nameOf(role("222222222222", "", "Read.Only", null))).isEqualTo("222222222222/Read.Only");
        assertThat(names.nameOf(role("222222222222", "données-prod", "P", null))).isEqualTo("donn-es-prod/P");
        assertThat(new ProfileNames("{accountId}-{permissionSet}@{region}").nameOf(role("222222222222", "a", "P", "eu-west-1")))
                .isEqualTo("222222222222-P@eu-west-1");
        assertThat(new ProfileNames("default").nameOf(role("222222222222", "a", "P", null))).isEqualTo("default-");

        String name = names.nameOf(role("222222222222", "Acme Prod [EU] #1", "PowerUserAccess", null));
        AwsConfigFile file = AwsConfigFile.parse(apply("", wanted(role("222222222222", "Acme Prod [EU] #1", "PowerUserAccess", null))));
        assertThat(file.profileNames()).containsExactly(name);
        assertThat(AwsConfigFile.profileName("[profile \"with space\"]")).isEqualTo("with space");
        assertThat(AwsConfigFile.profileName("[profilex]")).isNull();
        assertThat(AwsConfigFile.profileName("  [profile indented]")).isNull();
    }

    @Test
    void anUnknownPlaceholderIsAUsageError() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ProfileNames("{account}/{role}"))
                .isInstanceOf(CliFailure.class).hasMessageContaining("{role}");
    }

    @Test
    void twoRolesWithTheSameNameAreRefusedNotMerged() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> wanted(role("222222222222", "prod", "P", null), role("333333333333", "prod", "P", null)))
                .isInstanceOf(CliFailure.class).hasMessageContaining("{accountId}");
    }

    @Test
    void credentialProcessWordsComeBackWholeFromAShellSplit() {
        List<String> words = List.of("/home/j o/it's \"here\"/kcaws-aws", "credentials", "--url", "https://h/realms/a b", "--account", "222222222222");
        assertThat(ShellWords.split(ShellWords.join(words))).isEqualTo(words);
        assertThat(ShellWords.split("a \"b \\\" c\" 'd e'\\ f")).containsExactly("a", "b \" c", "d e f");
        assertThat(ShellWords.split("'open")).isNull();
        Map<String, String> keys = new LinkedHashMap<>(wanted(role("222222222222", "x", "P", null)).values().iterator().next());
        assertThat(SelfCommand.isOurs(keys.get("credential_process"), URL)).isTrue();
        assertThat(SelfCommand.isOurs(keys.get("credential_process"), RealmUrl.parse("https://sso.example.com/realms/acme2"))).isFalse();
    }
}
