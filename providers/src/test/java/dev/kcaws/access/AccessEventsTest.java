package dev.kcaws.access;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The roles a plain login offers, as one bounded event detail. */
class AccessEventsTest {

    @Test
    void pairsAreJoinedByCommas() {
        assertThat(AccessEvents.rolesDetail(List.of("111111111111:AdministratorAccess", "222222222222:PowerUserAccess")))
                .isEqualTo("111111111111:AdministratorAccess,222222222222:PowerUserAccess");
        assertThat(AccessEvents.rolesDetail(List.of())).isEmpty();
    }

    @Test
    void aLongListIsCutAtAWholePairAndSaysHowManyAreLeftOut() {
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            pairs.add(String.format("%012d:PermissionSet%d", i, i));
        }
        String detail = AccessEvents.rolesDetail(pairs);
        assertThat(detail.length()).isLessThanOrEqualTo(AccessEvents.MAX_ROLES_LENGTH);
        String[] parts = detail.split(",");
        String last = parts[parts.length - 1];
        int kept = parts.length - 1;
        assertThat(last).isEqualTo("+" + (200 - kept));
        assertThat(List.of(parts).subList(0, kept)).isEqualTo(pairs.subList(0, kept));
    }
}
