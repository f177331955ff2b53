package dev.kcaws.admin;

/**
 * Asks for an AWS client from the template.
 *
 * @param endpoint {@code global} (default), a region such as {@code eu-west-1}, {@code aws-us-gov} or {@code aws-cn}
 */
public record ClientTemplateRequest(String endpoint, String clientId, String urlName, String name) {
}
