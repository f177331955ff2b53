package dev.kcaws.admin;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The review's CSV: every field quoted, quotes doubled, formulas neutralised, a header naming the JSON fields. */
class AccessReviewCsvTest {

    @Test
    void headerThenOneQuotedLinePerRow() {
        AccessReviewRowRepresentation row = new AccessReviewRowRepresentation("bob", true, "222222222222", "dev, \"main\"", "PowerUserAccess",
                "group", "/Engineering", "/Engineering/Backend", null, null, null, "2026-12-31T18:00:00Z", true);
        assertThat(AccessReviewCsv.write(List.of(row))).isEqualTo(
                "\"user\",\"userEnabled\",\"accountId\",\"accountName\",\"permissionSet\",\"via\",\"group\",\"memberOf\",\"compositeRole\","
                        + "\"managedBy\",\"notBefore\",\"notAfter\",\"heldNow\"\r\n"
                        + "\"bob\",\"true\",\"222222222222\",\"dev, \"\"main\"\"\",\"PowerUserAccess\",\"group\",\"/Engineering\","
                        + "\"/Engineering/Backend\",\"\",\"\",\"\",\"2026-12-31T18:00:00Z\",\"true\"\r\n");
    }

    @Test
    void aFieldASpreadsheetWouldRunAsAFormulaIsText() {
        for (String formula : List.of("=HYPERLINK(\"http://x\")", "+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1")) {
            assertThat(AccessReviewCsv.field(formula)).as(formula).isEqualTo("'" + formula);
        }
        assertThat(AccessReviewCsv.field("/ops=team")).isEqualTo("/ops=team");
        assertThat(AccessReviewCsv.field(null)).isEmpty();
    }
}
