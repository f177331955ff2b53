package dev.kcaws.cli;

import java.util.Map;

/** One (account, permission set) the user holds, as {@code /aws/cli/roles} lists it. */
public record Role(String accountId, String accountName, String permissionSet, String region, String partition,
        Integer sessionDuration, String notAfter) {

    static Role from(Map<String, Object> json) {
        Object duration = json.get("sessionDuration");
        return new Role(Json.string(json, "accountId"), Json.string(json, "accountName"), Json.string(json, "permissionSet"),
                Json.string(json, "region"), Json.string(json, "partition"),
                duration instanceof Long l ? Integer.valueOf(l.intValue()) : null, Json.string(json, "notAfter"));
    }
}
