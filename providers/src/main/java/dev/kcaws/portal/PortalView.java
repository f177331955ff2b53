package dev.kcaws.portal;

import dev.kcaws.access.Access;
import dev.kcaws.access.AwsAccount;

import java.net.URLEncoder;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the launcher shows, built from the user's effective access (already sorted by account
 * name): one tile per account with its permission sets. Plain Java with getters for FreeMarker,
 * which escapes every value it prints.
 */
public final class PortalView {

    private static final DateTimeFormatter ENDS_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final List<AccountTile> accounts;
    private final int roleCount;

    private PortalView(List<AccountTile> accounts, int roleCount) {
        this.accounts = accounts;
        this.roleCount = roleCount;
    }

    public static PortalView of(List<Access> accesses) {
        return of(accesses, Map.of());
    }

    /** @param ends when the time-bound accesses end, by access key; an access not in it does not end */
    public static PortalView of(List<Access> accesses, Map<String, Instant> ends) {
        Map<String, List<Access>> byAccount = new LinkedHashMap<>();
        for (Access access : accesses) {
            byAccount.computeIfAbsent(access.account().id().value(), k -> new ArrayList<>()).add(access);
        }
        List<AccountTile> tiles = new ArrayList<>(byAccount.size());
        for (List<Access> group : byAccount.values()) {
            tiles.add(new AccountTile(group, ends));
        }
        return new PortalView(List.copyOf(tiles), accesses.size());
    }

    /** The shortcut link of one role, relative to the portal page (keeps a page of thousands of roles small). */
    public static String consoleHref(String accountId, String permissionSet) {
        return "console?account_id=" + accountId + "&role_name=" + URLEncoder.encode(permissionSet, StandardCharsets.UTF_8);
    }

    public List<AccountTile> getAccounts() {
        return accounts;
    }

    public int getRoleCount() {
        return roleCount;
    }

    /** An account and the roles the user may open in it; {@code searchText} is what the search box matches. */
    public static final class AccountTile {
        private final AwsAccount account;
        private final String searchText;
        private final List<RoleLink> roles;

        AccountTile(List<Access> accesses, Map<String, Instant> ends) {
            this.account = accesses.get(0).account();
            StringBuilder search = new StringBuilder(account.name()).append(' ').append(account.id().value());
            List<RoleLink> links = new ArrayList<>(accesses.size());
            for (Access access : accesses) {
                search.append(' ').append(access.permissionSet().name().value());
                links.add(new RoleLink(access, ends.get(access.key())));
            }
            this.searchText = search.toString().toLowerCase(Locale.ROOT);
            this.roles = List.copyOf(links);
        }

        public String getId() {
            return account.id().value();
        }

        public String getName() {
            return account.name();
        }

        public String getPartition() {
            return account.partition().id();
        }

        public String getSearchText() {
            return searchText;
        }

        public List<RoleLink> getRoles() {
            return roles;
        }
    }

    /** One permission set in one account. */
    public static final class RoleLink {
        private final Access access;
        private final Instant endsAt;

        RoleLink(Access access, Instant endsAt) {
            this.access = access;
            this.endsAt = endsAt;
        }

        /** When the user's access ends (a time-bound assignment), in UTC to the minute; null when it does not. */
        public String getEndsAt() {
            return endsAt == null ? null : ENDS_AT.format(endsAt);
        }

        /** The same moment as an ISO-8601 instant, for a script that shows it in the browser's time zone. */
        public String getEndsAtIso() {
            return endsAt == null ? null : endsAt.toString();
        }

        public String getName() {
            return access.permissionSet().name().value();
        }

        public String getDescription() {
            return access.permissionSet().description();
        }

        public String getConsoleHref() {
            return consoleHref(access.account().id().value(), getName());
        }

        /** {@code <account id>:<permission set>}: what the access-keys button posts. */
        public String getAccessValue() {
            return access.key();
        }
    }
}
