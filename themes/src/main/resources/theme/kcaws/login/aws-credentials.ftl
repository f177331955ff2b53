<#-- Temporary AWS credentials for one role. Shown once; FreeMarker escapes every value. -->
<!DOCTYPE html>
<html lang="${lang}">
<head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="color-scheme" content="light dark">
    <meta name="referrer" content="no-referrer">
    <title>${msg("kcawsKeysTitle")} · ${kcaws.accountName} · ${kcaws.roleName}</title>
    <#list properties.stylesCommon?split(' ') as style>
    <link href="${url.resourcesCommonPath}/${style}" rel="stylesheet">
    </#list>
    <link href="${url.resourcesPath}/css/kcaws-portal.css" rel="stylesheet">
    <script src="${url.resourcesPath}/js/kcaws-portal.js" defer></script>
</head>
<body>
<header class="kcaws-masthead">
    <div class="kcaws-brand">${realm.displayName!realm.name}</div>
    <nav class="kcaws-user"><a href="${kcaws.portalUrl}">${msg("kcawsBackToPortal")}</a></nav>
</header>
<main class="kcaws-main">
    <h1 class="pf-v5-c-title pf-m-2xl">${msg("kcawsKeysTitle")}</h1>
    <p>${msg("kcawsKeysFor", kcaws.accountName, kcaws.accountId, kcaws.roleName)} ${msg("kcawsKeysExpire")} <span id="kcaws-expiration">${kcaws.expiration}</span></p>
    <section class="kcaws-creds">
        <h2 class="pf-v5-c-title pf-m-lg">${msg("kcawsKeysBash")}</h2>
        <pre id="kcaws-creds-bash">${kcaws.bash}</pre>
        <button type="button" class="kcaws-copy" data-copy="kcaws-creds-bash">${msg("kcawsCopy")}</button>
        <h2 class="pf-v5-c-title pf-m-lg">${msg("kcawsKeysPowerShell")}</h2>
        <pre id="kcaws-creds-powershell">${kcaws.powerShell}</pre>
        <button type="button" class="kcaws-copy" data-copy="kcaws-creds-powershell">${msg("kcawsCopy")}</button>
        <h2 class="pf-v5-c-title pf-m-lg">${msg("kcawsKeysFile")}</h2>
        <pre id="kcaws-creds-file">${kcaws.credentialsFile}</pre>
        <button type="button" class="kcaws-copy" data-copy="kcaws-creds-file">${msg("kcawsCopy")}</button>
        <h2 class="pf-v5-c-title pf-m-lg">${msg("kcawsKeysValues")}</h2>
        <dl class="kcaws-values">
            <dt>AWS_ACCESS_KEY_ID</dt><dd><code id="kcaws-access-key-id">${kcaws.accessKeyId}</code> <button type="button" class="kcaws-copy" data-copy="kcaws-access-key-id">${msg("kcawsCopy")}</button></dd>
            <dt>AWS_SECRET_ACCESS_KEY</dt><dd><code id="kcaws-secret-access-key">${kcaws.secretAccessKey}</code> <button type="button" class="kcaws-copy" data-copy="kcaws-secret-access-key">${msg("kcawsCopy")}</button></dd>
            <dt>AWS_SESSION_TOKEN</dt><dd><code id="kcaws-session-token">${kcaws.sessionToken}</code> <button type="button" class="kcaws-copy" data-copy="kcaws-session-token">${msg("kcawsCopy")}</button></dd>
        </dl>
    </section>
    <p id="kcaws-copied" class="kcaws-toast" role="status" hidden>${msg("kcawsCopiedValue")}</p>
</main>
</body>
</html>
