package dev.kcaws.testsupport.awsscim;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.UUID;

/**
 * The error body the fake answers: RFC 7644 §3.12 ({@code schemas}, {@code status} as a string,
 * {@code detail}) plus the {@code schema}, {@code exceptionRequestId} and {@code timeStamp}
 * fields AWS-style SCIM endpoints add (inferred, see the rules doc), and {@code exceptionType}
 * naming the exception of AWS's error tables (a test convenience).
 */
final class ScimErrorBody {
    static final String ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";

    private ScimErrorBody() {
    }

    static ObjectNode of(int status, String exceptionType, String detail) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("schema", ERROR_SCHEMA);
        body.putArray("schemas").add(ERROR_SCHEMA);
        body.put("status", String.valueOf(status));
        body.put("detail", detail);
        body.put("exceptionType", exceptionType);
        body.put("exceptionRequestId", UUID.randomUUID().toString());
        body.put("timeStamp", Instant.now().toString());
        return body;
    }
}
