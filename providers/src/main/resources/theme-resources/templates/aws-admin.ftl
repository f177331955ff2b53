<#-- The AWS admin page, a theme resource of the bundle: rendered in the realm's login theme (a theme can
     override this template or any kcawsAdmin* message). A shell in the admin console's PatternFly 5 look:
     kcaws/admin/main.js (an ES module, no build step) signs the admin in with keycloak-js and fills <main>
     from the admin API, building every element with textContent. Its texts are the kcawsAdmin* messages
     in the admin's locale, written below as JSON (encoded for a script element by AdminPageView). -->
<!DOCTYPE html>
<html lang="${(locale.currentLanguageTag)!'en'}">
<head>
    <meta charset="utf-8">
    <meta http-equiv="Content-Security-Policy" content="${kcaws.contentSecurityPolicy}">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="color-scheme" content="light">
    <meta name="referrer" content="no-referrer">
    <title>${msg("kcawsAdminPageTitle")}</title>
    <link href="${url.resourcesCommonPath}/vendor/patternfly-v5/patternfly.min.css" rel="stylesheet">
    <link href="${url.resourcesCommonPath}/vendor/patternfly-v5/patternfly-addons.css" rel="stylesheet">
    <link href="${url.resourcesPath}/kcaws/admin/admin.css" rel="stylesheet">
    <script type="application/json" id="kcaws-admin-messages">${kcaws.messagesJson?no_esc}</script>
    <script type="module" src="${url.resourcesPath}/kcaws/admin/main.js"></script>
</head>
<body>
<a class="kcaws-skip-link" href="#kcaws-main">${msg("kcawsAdminSkipToContent")}</a>
<div id="kcaws-admin" class="pf-v5-c-page"
     data-login-realm="${kcaws.loginRealm}" data-client-id="${kcaws.clientId}"
     data-server-url="${kcaws.serverUrl}" data-page-url="${kcaws.pageUrl}">
    <header class="pf-v5-c-masthead">
        <#-- Below 1200 px (PatternFly's xl) the navigation is off-canvas: this button opens it (kcaws/admin/nav.js). -->
        <span class="pf-v5-c-masthead__toggle kcaws-nav-toggle">
            <button id="kcaws-nav-toggle" class="pf-v5-c-button pf-m-plain" type="button" aria-expanded="false"
                    aria-controls="kcaws-sidebar" aria-label="${msg("kcawsAdminNavToggle")}">
                <svg class="kcaws-nav-toggle-icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
                    <path fill="currentColor" d="M3 5h18v2H3zm0 6h18v2H3zm0 6h18v2H3z"/>
                </svg>
            </button>
        </span>
        <div class="pf-v5-c-masthead__main">
            <span class="pf-v5-c-masthead__brand kcaws-brand">${msg("kcawsAdminBrand")}</span>
        </div>
        <div class="pf-v5-c-masthead__content">
            <span class="kcaws-spacer"></span>
            <a id="kcaws-console-link" class="pf-v5-c-button pf-m-plain kcaws-masthead-link"
               href="${kcaws.serverUrl}/admin/${kcaws.loginRealm}/console/">${msg("kcawsAdminConsoleLink")}</a>
            <span id="kcaws-admin-user" class="kcaws-masthead-text"></span>
            <button id="kcaws-admin-signout" class="pf-v5-c-button pf-m-plain kcaws-masthead-link" type="button" hidden>${msg("kcawsAdminSignOut")}</button>
        </div>
    </header>
    <div id="kcaws-sidebar" class="pf-v5-c-page__sidebar">
        <div class="pf-v5-c-page__sidebar-body">
            <nav class="pf-v5-c-nav" aria-label="${msg("kcawsAdminNavLabel")}">
                <div class="kcaws-realm-picker">
                    <label class="pf-v5-c-form__label" for="kcaws-realm"><span class="pf-v5-c-form__label-text">${msg("kcawsAdminRealm")}</span></label>
                    <select id="kcaws-realm" class="pf-v5-c-form-control"></select>
                </div>
                <ul class="pf-v5-c-nav__list" id="kcaws-nav">
                    <li class="pf-v5-c-nav__item"><a class="pf-v5-c-nav__link" data-view="accounts" href="#">${msg("kcawsAdminNavAccounts")}</a></li>
                    <li class="pf-v5-c-nav__item"><a class="pf-v5-c-nav__link" data-view="permission-sets" href="#">${msg("kcawsAdminNavPermissionSets")}</a></li>
                    <li class="pf-v5-c-nav__item"><a class="pf-v5-c-nav__link" data-view="principals" href="#">${msg("kcawsAdminNavPrincipals")}</a></li>
                    <li class="pf-v5-c-nav__item"><a class="pf-v5-c-nav__link" data-view="setup" href="#">${msg("kcawsAdminNavSetup")}</a></li>
                    <li class="pf-v5-c-nav__item"><a class="pf-v5-c-nav__link" data-view="identity-center" href="#">${msg("kcawsAdminNavIdentityCenter")}</a></li>
                </ul>
            </nav>
        </div>
    </div>
    <main id="kcaws-main" class="pf-v5-c-page__main" tabindex="-1">
        <section class="pf-v5-c-page__main-section pf-m-light">
            <h1 id="kcaws-title" class="pf-v5-c-title pf-m-2xl">${msg("kcawsAdminBrand")}</h1>
            <p id="kcaws-subtitle" class="kcaws-subtitle"></p>
        </section>
        <section class="pf-v5-c-page__main-section">
            <ul id="kcaws-alerts" class="pf-v5-c-alert-group" aria-live="polite"></ul>
            <div id="kcaws-view"><p class="kcaws-loading">${msg("kcawsAdminSigningIn")}</p></div>
        </section>
    </main>
</div>
<noscript>${msg("kcawsAdminNeedsJavaScript")}</noscript>
</body>
</html>
