package dev.kcaws.testsupport.awsscim;

/** What the fake simulates instead of answering normally. */
public enum Outage {
    /** Answers as AWS would. */
    NONE(0, null),
    /** 503 as an unavailable service answers. */
    UNAVAILABLE(503, "InternalServerException"),
    /** 429 ThrottlingException with {@code Retry-After: 1}. */
    THROTTLING(429, "ThrottlingException"),
    /** 401 UnauthorizedException, as for a revoked or expired token. */
    REVOKED_TOKEN(401, "UnauthorizedException");

    private final int status;
    private final String exceptionType;

    Outage(int status, String exceptionType) {
        this.status = status;
        this.exceptionType = exceptionType;
    }

    int status() {
        return status;
    }

    String exceptionType() {
        return exceptionType;
    }
}
