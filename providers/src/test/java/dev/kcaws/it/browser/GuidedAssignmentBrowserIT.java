package dev.kcaws.it.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kcaws.testsupport.ManagedRealm;
import dev.kcaws.testsupport.browser.AdminPage;
import dev.kcaws.testsupport.browser.KeycloakLoginPage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin's guided flow, from a new account to the downloaded code of exactly that account:
 * the account is added, a permission set is assigned to a group through the searchable checkbox
 * lists (ticked with the keyboard) and the review step, and the page then says that this account's
 * IAM code changed and offers its CloudFormation and Terraform with the deploy commands, which are
 * that account's code as the API serves it. The account's own view offers the same; removing the
 * last assignment of the set there says the role left the code.
 */
class GuidedAssignmentBrowserIT extends ChromiumAgainstFakeAws {

    static final String MANAGED = "guided-check";
    static final String API = "/admin/realms/" + MANAGED + "/aws";
    static final String OLD = "111122223333";
    static final String NEW = "444455556666";

    @RegisterExtension
    static final ManagedRealm realm = ManagedRealm.fromJson(MANAGED, AdminPageBrowserIT.realmJson(MANAGED));

    @BeforeAll
    static void setUp() {
        realm.admin().expect(201, "POST", API + "/permission-sets", Map.of("name", "ReadOnly",
                "managedPolicies", List.of("arn:aws:iam::aws:policy/ReadOnlyAccess")));
        realm.admin().expect(201, "POST", API + "/permission-sets", Map.of("name", "Admin",
                "managedPolicies", List.of("arn:aws:iam::aws:policy/AdministratorAccess")));
        realm.admin().expect(201, "POST", API + "/accounts", Map.of("id", OLD, "name", "old"));
        realm.admin().expect(201, "POST", API + "/assignments", Map.of("group", "/Platform/SRE", "accountId", OLD, "permissionSet", "ReadOnly"));
    }

    static JsonNode get(String path) {
        return realm.admin().expect(200, "GET", API + path, null).json();
    }

    /** The element, waiting for it: a view opens after the hash changed, when the browser gets to it. */
    WebElement byTestId(String id) {
        return browser.await().withMessage("[data-testid=" + id + "]").until(d -> d.findElement(By.cssSelector("[data-testid='" + id + "']")));
    }

    /** Types into a checkbox list's filter and ticks the one box it leaves shown, with the keyboard (Tab to it, Space). */
    void tick(String field, String filterText, String value) {
        WebElement filter = byTestId("filter-" + field);
        filter.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        filter.sendKeys(filterText);
        WebElement list = byTestId("pick-" + field);
        List<WebElement> shown = list.findElements(By.cssSelector("input[type=checkbox]")).stream()
                .filter(b -> b.findElement(By.xpath("./..")).isDisplayed()).toList();
        assertThat(shown).as("the boxes the filter %s leaves in %s", filterText, field).extracting(b -> b.getAttribute("value")).containsExactly(value);
        filter.sendKeys(Keys.TAB);
        WebElement focused = browser.driver().switchTo().activeElement();
        assertThat(focused.getAttribute("value")).as("Tab from the filter reaches the first box shown").isEqualTo(value);
        focused.sendKeys(Keys.SPACE);
        assertThat(focused.isSelected()).isTrue();
    }

    @Test
    void fromANewAccountToItsDownloadedCode() throws Exception {
        browser.open(AdminPage.url(server.baseUrl(), "master", MANAGED, "accounts"));
        new KeycloakLoginPage(browser).signIn("admin", "admin");
        AdminPage page = new AdminPage(browser).awaitShown();

        // A new account.
        page.click("add-account");
        page.fill("account-form", "id", NEW).fill("account-form", "name", "fresh").submit("account-form", "save");
        assertThat(page.successAlert()).contains(NEW);

        // Assign access: the lists are labelled; nothing chosen is refused on the lists themselves.
        page.click("assign-access");
        byTestId("choose-form");
        assertThat(page.title()).isEqualTo("Assign access");
        assertThat(byTestId("pick-accountIds").findElement(By.tagName("legend")).getText()).startsWith("Accounts");
        assertThat(byTestId("filter-principals").getAttribute("aria-label")).isEqualTo("Filter Groups and users");
        page.click("review");
        assertThat(page.formError()).contains("Accounts").contains("Choose at least one.");
        assertThat(page.invalidField("choose-form")).isEqualTo("accountIds");

        tick("accountIds", "fresh", NEW);
        tick("accountIds", OLD, OLD);
        tick("permissionSets", "read", "ReadOnly");
        tick("principals", "developers", "group:/Developers");
        tick("principals", "sre", "group:/Platform/SRE");
        assertThat(byTestId("count-principals").getText()).isEqualTo("2 chosen");
        page.click("review");

        // The review lists exactly what the assignment makes, and what exists already.
        browser.await().until(d -> !page.rows("review-row").isEmpty());
        assertThat(page.rows("review-row")).extracting(r -> r.getAttribute("data-principal") + " " + r.getAttribute("data-account") + " "
                        + r.getAttribute("data-permission-set") + " " + r.getAttribute("data-status"))
                .containsExactlyInAnyOrder("/Developers " + NEW + " ReadOnly new", "/Developers " + OLD + " ReadOnly new",
                        "/Platform/SRE " + NEW + " ReadOnly new", "/Platform/SRE " + OLD + " ReadOnly exists");
        assertThat(byTestId("review-summary").getText()).isEqualTo("3 assignment(s) will be made; 1 exist already and stay as they are.");
        assertThat(get("/assignments?accountId=" + NEW)).as("nothing assigned before the confirmation").isEmpty();
        page.click("assign-all");

        // The next step: this account's code changed (the other account's had the role already).
        assertThat(page.successAlert()).contains("3 assignment(s) added, 1 already there.");
        WebElement notice = browser.await().until(d -> d.findElement(By.cssSelector("[data-testid='iam-code-notice']")));
        assertThat(notice.findElements(By.cssSelector("[data-testid='iam-code-change']"))).extracting(c -> c.getAttribute("data-account"))
                .containsExactly(NEW);
        assertThat(notice.getText()).contains("fresh (" + NEW + ")").contains("ReadOnly");
        JsonNode deployment = get("/iac/deployment?accountId=" + NEW);
        assertThat(notice.findElement(By.cssSelector("[data-testid='cloudformation-command']")).getText())
                .isEqualTo(deployment.path("cloudFormationCommand").asText())
                .isEqualTo("aws cloudformation deploy --template-file kcaws-" + MANAGED + "-" + NEW + ".cfn.json --stack-name kcaws --capabilities CAPABILITY_NAMED_IAM");
        assertThat(notice.findElement(By.cssSelector("[data-testid='terraform-command']")).getText())
                .isEqualTo(deployment.path("terraformCommand").asText());

        // Its CloudFormation and Terraform from the notice: exactly that account's code, with the new role.
        notice.findElement(By.cssSelector("[data-testid='deployment-cloudformation']")).click();
        Path cfn = browser.awaitDownload("kcaws-" + MANAGED + "-" + NEW + ".cfn.json");
        JsonNode template = new ObjectMapper().readTree(Files.readString(cfn));
        assertThat(template).isEqualTo(get("/iac/cloudformation?accountId=" + NEW));
        assertThat(template.path("Resources").toString()).contains("ReadOnly").doesNotContain("AdministratorAccess");
        notice.findElement(By.cssSelector("[data-testid='deployment-terraform']")).click();
        Path tf = browser.awaitDownload("kcaws-" + MANAGED + "-" + NEW + ".tf.json");
        assertThat(new ObjectMapper().readTree(Files.readString(tf))).isEqualTo(get("/iac/terraform?accountId=" + NEW));

        // The command, copied.
        browser.allowClipboard(server.baseUrl());
        notice.findElement(By.cssSelector("[data-testid='copy-cloudformation-command']")).click();
        browser.await().until(d -> browser.clipboardText().equals(deployment.path("cloudFormationCommand").asText()));

        // The account's own view: the same downloads and commands.
        browser.open(AdminPage.url(server.baseUrl(), "master", MANAGED, "accounts/" + NEW));
        page.awaitShown();
        WebElement own = browser.await().until(d -> d.findElement(By.cssSelector("[data-testid='deployment'][data-account='" + NEW + "']")));
        assertThat(byTestId("account-code-sets").getText()).contains("ReadOnly");
        assertThat(own.findElement(By.cssSelector("[data-testid='terraform-command']")).getText()).isEqualTo(deployment.path("terraformCommand").asText());
        assertThat(own.findElements(By.cssSelector("[data-testid='deployment-cloudformation']"))).hasSize(1);

        // Removing the set's last assignment in the account says the role left the code.
        page.clickAndConfirm(page.row("assignment-row", "data-principal", "/Developers"), "remove");
        assertThat(page.rows("iam-code-removed-notice")).as("/Platform/SRE still has ReadOnly here").isEmpty();
        browser.await().until(d -> !page.rows("assignment-row").isEmpty());
        page.clickAndConfirm(page.row("assignment-row", "data-principal", "/Platform/SRE"), "remove");
        WebElement removed = browser.await().until(d -> d.findElement(By.cssSelector("[data-testid='iam-code-removed-notice']")));
        assertThat(removed.getText()).contains("no longer has the role for ReadOnly");
        assertThat(get("/iac/cloudformation?accountId=" + NEW).path("Resources").toString()).doesNotContain("ReadOnly");
    }
}
