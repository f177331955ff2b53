<#-- Temporary AWS credentials for one role, in the realm's login theme (its template.ftl lays the page out).
     Shown once; FreeMarker escapes every value. -->
<#import "template.ftl" as layout>
<#global title = msg("kcawsKeysTitle") + " · " + kcaws.accountName + " · " + kcaws.roleName>
<@layout.registrationLayout displayMessage=false; section>
    <#if section = "header">
        ${msg("kcawsKeysTitle")}
    <#elseif section = "form">
    <link href="${url.resourcesPath}/kcaws/css/kcaws-portal.css" rel="stylesheet">
    <script src="${url.resourcesPath}/kcaws/js/kcaws-portal.js" defer></script>
    <div id="kcaws-credentials" class="kcaws-page">
    <nav class="kcaws-user"><a id="kcaws-back" href="${kcaws.portalUrl}">${msg("kcawsBackToPortal")}</a></nav>
    <p>${msg("kcawsKeysFor", kcaws.accountName, kcaws.accountId, kcaws.roleName)} ${msg("kcawsKeysExpire")} <span id="kcaws-expiration">${kcaws.expiration}</span></p>
    <section class="kcaws-creds">
        <h2 class="kcaws-subtitle">${msg("kcawsKeysBash")}</h2>
        <pre id="kcaws-creds-bash">${kcaws.bash}</pre>
        <button type="button" class="kcaws-copy" data-copy="kcaws-creds-bash">${msg("kcawsCopy")}</button>
        <h2 class="kcaws-subtitle">${msg("kcawsKeysPowerShell")}</h2>
        <pre id="kcaws-creds-powershell">${kcaws.powerShell}</pre>
        <button type="button" class="kcaws-copy" data-copy="kcaws-creds-powershell">${msg("kcawsCopy")}</button>
        <h2 class="kcaws-subtitle">${msg("kcawsKeysFile")}</h2>
        <pre id="kcaws-creds-file">${kcaws.credentialsFile}</pre>
        <button type="button" class="kcaws-copy" data-copy="kcaws-creds-file">${msg("kcawsCopy")}</button>
        <h2 class="kcaws-subtitle">${msg("kcawsKeysValues")}</h2>
        <dl class="kcaws-values">
            <dt>AWS_ACCESS_KEY_ID</dt><dd><code id="kcaws-access-key-id">${kcaws.accessKeyId}</code> <button type="button" class="kcaws-copy" data-copy="kcaws-access-key-id">${msg("kcawsCopy")}</button></dd>
            <dt>AWS_SECRET_ACCESS_KEY</dt><dd><code id="kcaws-secret-access-key">${kcaws.secretAccessKey}</code> <button type="button" class="kcaws-copy" data-copy="kcaws-secret-access-key">${msg("kcawsCopy")}</button></dd>
            <dt>AWS_SESSION_TOKEN</dt><dd><code id="kcaws-session-token">${kcaws.sessionToken}</code> <button type="button" class="kcaws-copy" data-copy="kcaws-session-token">${msg("kcawsCopy")}</button></dd>
        </dl>
    </section>
    <p id="kcaws-copied" class="kcaws-toast" role="status" hidden>${msg("kcawsCopiedValue")}</p>
    </div>
    </#if>
</@layout.registrationLayout>
