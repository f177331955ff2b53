package dev.kcaws.scim;

/**
 * The outcome of a create that may have found the resource already there (409): then the
 * existing one, looked up by its unique name, is adopted instead of failing.
 */
public record Created(ScimResource resource, boolean adopted) {
}
