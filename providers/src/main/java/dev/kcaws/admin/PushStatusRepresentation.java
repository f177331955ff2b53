package dev.kcaws.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kcaws.identitycenter.push.PushRun;

/** {@code GET /aws/identity-center/push/status}; a run never made is {@code null}, not left out. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PushStatusRepresentation(long pending, PushRun lastPush, PushRun lastReconcile) {
}
