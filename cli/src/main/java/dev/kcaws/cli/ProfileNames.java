package dev.kcaws.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The profile name of a role from the {@code --name} pattern (default {@value #DEFAULT}).
 * Placeholders: {@code {account}} (the account's name, else its ID), {@code {accountId}},
 * {@code {permissionSet}}, {@code {region}}, {@code {partition}}. Characters the AWS CLI's config
 * parser or its {@code --profile} handling would misread (runs of spaces, quotes, brackets, {@code #},
 * {@code ;}, backslashes, control characters) become one {@code -}, so every name is usable as typed.
 */
public final class ProfileNames {
    public static final String DEFAULT = "{account}/{permissionSet}";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9_@%+=:,./-]+");

    private final String pattern;

    public ProfileNames(String pattern) {
        this.pattern = pattern == null ? DEFAULT : pattern;
        if (this.pattern.isBlank()) {
            throw CliFailure.usage("--name must not be empty; the default is " + DEFAULT);
        }
        Matcher m = PLACEHOLDER.matcher(this.pattern);
        while (m.find()) {
            if (!values(new Role("1", "a", "p", "r", "aws", null, null)).containsKey(m.group(1))) {
                throw CliFailure.usage("--name has an unknown placeholder {" + m.group(1)
                        + "}; use {account}, {accountId}, {permissionSet}, {region} or {partition}");
            }
        }
    }

    public String nameOf(Role role) {
        Map<String, String> values = values(role);
        Matcher m = PLACEHOLDER.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.get(m.group(1))));
        }
        m.appendTail(out);
        String name = UNSAFE.matcher(out.toString()).replaceAll("-");
        return name.equals("default") ? "default-" : name;
    }

    private static Map<String, String> values(Role role) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("account", role.accountName() == null || role.accountName().isBlank() ? role.accountId() : role.accountName());
        values.put("accountId", role.accountId());
        values.put("permissionSet", role.permissionSet());
        values.put("region", role.region() == null ? "" : role.region());
        values.put("partition", role.partition() == null ? "aws" : role.partition());
        return values;
    }
}
