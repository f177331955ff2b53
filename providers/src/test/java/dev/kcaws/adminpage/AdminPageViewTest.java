package dev.kcaws.adminpage;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin page's texts reach its script as JSON that no message can break out of. */
class AdminPageViewTest {

    @Test
    void onlyTheAdminPagesMessagesAreWritten() {
        Properties messages = new Properties();
        messages.setProperty("kcawsAdminSave", "저장");
        messages.setProperty("loginTitle", "Sign in");
        messages.setProperty("kcawsPortalTitle", "AWS");
        messages.setProperty("kcawsRuleRequired", "필수 항목입니다.");
        assertThat(AdminPageView.pageMessages(messages)).containsExactly(Map.entry("kcawsAdminSave", "저장"),
                Map.entry("kcawsRuleRequired", "필수 항목입니다."));
    }

    @Test
    void aMessageCannotEndTheScriptElementOrOpenAComment() throws Exception {
        String evil = "</script><script>alert(1)</script><!-- & \u2028\u2029 \"quoted\"";
        String json = AdminPageView.scriptJson(Map.of("kcawsAdminEvil", evil));
        assertThat(json).doesNotContain("<").doesNotContain(">").doesNotContain("&").doesNotContain("\u2028").doesNotContain("\u2029");
        assertThat(new ObjectMapper().readTree(json).path("kcawsAdminEvil").asText()).as("read back unchanged").isEqualTo(evil);
    }
}
