package dev.kcaws.testsupport.awssp;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What AWS sign-in would offer after accepting a response. */
public record AwsSignIn(
        List<RolePair> rolePairs,
        String roleSessionName,
        Integer sessionDurationSeconds,
        Map<String, String> principalTags,
        List<String> transitiveTagKeys,
        String sourceIdentity,
        String nameId,
        String nameIdFormat,
        int responseLength,
        List<String> attributeNames) {

    public AwsSignIn {
        rolePairs = List.copyOf(rolePairs);
        // keep the assertion's order, which Map.copyOf would lose
        principalTags = Collections.unmodifiableMap(new LinkedHashMap<>(principalTags));
        transitiveTagKeys = List.copyOf(transitiveTagKeys);
        attributeNames = List.copyOf(attributeNames);
    }

    /** With exactly one role pair AWS skips its role picker and signs straight in. */
    public boolean signsInDirectly() {
        return rolePairs.size() == 1;
    }
}
