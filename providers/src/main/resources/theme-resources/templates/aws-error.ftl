<#-- The bundle's error and refusal page, in the realm's login theme (its template.ftl lays the page out).
     Unlike Keycloak's error.ftl it never links "Back to Application": for an AWS client that link is the
     refused login itself, a loop for a user without access. It offers the portal and a switch of user.
     The message keeps error.ftl's #kc-error-message .instruction; FreeMarker escapes every value. -->
<#import "template.ftl" as layout>
<#global title = msg("kcawsErrorTitle") + " · " + (realm.displayName!realm.name)>
<@layout.registrationLayout displayMessage=false; section>
    <#if section = "header">
        ${msg("kcawsErrorTitle")}
    <#elseif section = "form">
    <link href="${url.resourcesPath}/kcaws/css/kcaws-portal.css" rel="stylesheet">
    <div id="kc-error-message" class="kcaws-page kcaws-error">
        <p class="instruction">${message.summary}</p>
        <ul class="kcaws-next-steps">
            <#if kcaws.portalUrl??><li><a id="kcaws-to-portal" href="${kcaws.portalUrl}">${msg("kcawsBackToPortal")}</a></li></#if>
            <li><a id="kcaws-switch-user" href="${kcaws.switchUserUrl}">${msg("kcawsSwitchUser")}</a></li>
        </ul>
        <#if kcaws.detail?? || traceId??>
            <details class="kcaws-error-detail">
                <summary>${msg("kcawsErrorDetail")}</summary>
                <#if kcaws.detail??><p><code id="kcaws-error-reason">${kcaws.detail}</code></p></#if>
                <#if traceId??><p id="traceId">${msg("traceIdSupportMessage", traceId)}</p></#if>
            </details>
        </#if>
    </div>
    </#if>
</@layout.registrationLayout>
