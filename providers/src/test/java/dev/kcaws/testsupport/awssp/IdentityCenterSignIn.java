package dev.kcaws.testsupport.awssp;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What Identity Center would do after accepting a response: sign in the user named {@code userName}. */
public record IdentityCenterSignIn(String userName, String nameIdFormat, String inResponseTo, String relayState,
                                   Map<String, String> accessControl, List<String> attributeNames) {
    public IdentityCenterSignIn {
        accessControl = Collections.unmodifiableMap(new LinkedHashMap<>(accessControl));
        attributeNames = List.copyOf(attributeNames);
    }
}
