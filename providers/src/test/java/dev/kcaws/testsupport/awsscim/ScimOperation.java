package dev.kcaws.testsupport.awsscim;

/** The kinds of request the fake counts (the benchmark compares them with the fewest possible). */
public enum ScimOperation {
    CREATE_USER(true), GET_USER(false), LIST_USERS(false), PUT_USER(true), PATCH_USER(true), DELETE_USER(true),
    CREATE_GROUP(true), GET_GROUP(false), LIST_GROUPS(false), PATCH_GROUP(true), DELETE_GROUP(true),
    SERVICE_PROVIDER_CONFIG(false), UNSUPPORTED(false);

    private final boolean write;

    ScimOperation(boolean write) {
        this.write = write;
    }

    public boolean write() {
        return write;
    }
}
