<#-- The AWS launcher, in the realm's login theme: its template.ftl lays the page out (logo, colours, the language
     menu, whose links come back here with kc_locale);
     this file fills the card. Every ${...} is HTML-escaped by FreeMarker's output format; nothing is printed raw.
     A theme overrides this page by shipping its own aws-portal.ftl, and any kcaws* text in its messages files. -->
<#import "template.ftl" as layout>
<#-- The browser tab's title; a global hides the "Sign in to ..." title Keycloak puts in the data model. -->
<#global title = msg("kcawsPortalTitle") + " · " + (realm.displayName!realm.name)>
<@layout.registrationLayout displayMessage=false; section>
    <#if section = "header">
        ${msg("kcawsAwsAccounts")}
    <#elseif section = "form">
    <link href="${url.resourcesPath}/kcaws/css/kcaws-portal.css" rel="stylesheet">
    <script src="${url.resourcesPath}/kcaws/js/kcaws-portal.js" defer></script>
    <div id="kcaws-portal" class="kcaws-page">
    <nav class="kcaws-user" aria-label="${msg("kcawsAccountMenu")}">
        <span id="kcaws-user">${kcaws.userDisplayName}</span>
        <a id="kcaws-signout" href="${kcaws.signOutUrl}">${msg("kcawsSignOut")}</a>
    </nav>
    <#if kcaws.accounts?has_content>
        <div class="kcaws-toolbar">
            <label class="kcaws-screen-reader" for="kcaws-search">${msg("kcawsSearchLabel")}</label>
            <input id="kcaws-search" class="${properties.kcInputClass!}" type="search" autocomplete="off" autofocus
                   placeholder="${msg("kcawsSearchPlaceholder")}">
            <span id="kcaws-count" aria-live="polite" data-all="${msg("kcawsCount", kcaws.accounts?size, kcaws.roleCount)}"
                  data-filtered="${msg("kcawsFiltered", "{0}", kcaws.accounts?size)}">${msg("kcawsCount", kcaws.accounts?size, kcaws.roleCount)}</span>
        </div>
        <form id="kcaws-keys" method="post" action="credentials" target="_blank">
            <input type="hidden" name="csrf" value="${kcaws.csrfToken}">
        </form>
        <#-- With JavaScript the keys, or what went wrong with a retry, appear here under the role (kcaws-portal.js);
             without it the form above opens the keys page in a new tab. The texts are filled in by the script. -->
        <section id="kcaws-keys-panel" class="kcaws-keys-panel kcaws-creds" aria-live="polite" hidden
                 data-working="${msg("kcawsKeysWorking")}" data-title="${msg("kcawsKeysTitle")}"
                 data-for="${msg("kcawsKeysFor", "{0}", "{1}", "{2}")}" data-expire="${msg("kcawsKeysExpire")}"
                 data-bash="${msg("kcawsKeysBash")}" data-powershell="${msg("kcawsKeysPowerShell")}" data-file="${msg("kcawsKeysFile")}"
                 data-copy="${msg("kcawsCopy")}" data-close="${msg("kcawsClose")}" data-retry="${msg("kcawsTryAgain")}"
                 data-sign-in="${msg("kcawsSignInAgain")}" data-detail="${msg("kcawsErrorDetail")}"
                 data-network="${msg("kcawsKeysNetwork")}"></section>
        <#-- Looked up once: the loops below run once per role, thousands of times for some users. Each account is a
             heading (name and ID) to jump between; the console link and the keys button are named with their role and
             account (aria-labelledby their own text, the role's name and the account's name), the description is text. -->
        <#assign consoleText = msg("kcawsManagementConsole") copyLinkText = msg("kcawsCopyLink") accessKeysText = msg("kcawsAccessKeys")>
        <ul id="kcaws-accounts">
        <#list kcaws.accounts as account>
            <#assign a = "kcaws-a" + account?index>
            <li class="kcaws-account" data-account-id="${account.id}" data-search="${account.searchText}">
                <h2 class="kcaws-account-head"><span class="kcaws-account-name" id="${a}">${account.name}</span> <span class="kcaws-account-id">${account.id}</span></h2>
                <ul class="kcaws-roles">
                <#list account.roles as role>
                    <#assign r = a + "-" + role?index>
                    <li class="kcaws-role" data-role="${role.name}"><div class="kcaws-role-text"><span class="kcaws-role-name" id="${r}">${role.name}</span><#if role.description?has_content><span class="kcaws-role-description">${role.description}</span></#if><#if role.endsAt??><span class="kcaws-ends" data-ends="${role.endsAtIso}" data-text="${msg("kcawsAccessEnds", "{0}")}">${msg("kcawsAccessEnds", role.endsAt)}</span></#if></div><div class="kcaws-role-actions"><a class="kcaws-console" id="${r}-c" href="${role.consoleHref}" target="_blank" rel="noopener" aria-labelledby="${r}-c ${r} ${a}">${consoleText}</a><button type="button" class="kcaws-copy-link" id="${r}-l" aria-labelledby="${r}-l ${r} ${a}">${copyLinkText}</button><button class="kcaws-keys-button" id="${r}-k" form="kcaws-keys" name="access" value="${role.accessValue}" aria-labelledby="${r}-k ${r} ${a}">${accessKeysText}</button></div></li>
                </#list>
                </ul>
            </li>
        </#list>
        </ul>
        <p id="kcaws-no-match" hidden>${msg("kcawsNoMatch")}</p>
    <#else>
        <div id="kcaws-empty">
            <h2 class="kcaws-subtitle">${msg("kcawsEmptyTitle")}</h2>
            <p>${msg("kcawsEmptyBody")}</p>
        </div>
    </#if>
    <#if kcaws.applications?has_content>
        <h2 class="kcaws-subtitle">${msg("kcawsOtherApps")}</h2>
        <ul id="kcaws-apps">
        <#list kcaws.applications as app>
            <li class="kcaws-app"><a href="${app.url}" target="_blank" rel="noopener">${app.name}</a></li>
        </#list>
        </ul>
    </#if>
    <p id="kcaws-copied" class="kcaws-toast" role="status" hidden>${msg("kcawsCopied")}</p>
    </div>
    </#if>
</@layout.registrationLayout>
