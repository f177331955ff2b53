<#-- The AWS admin page: a shell in the admin console's PatternFly 5 look. kcaws-admin.js signs the admin in and
     fills <main> from the admin API; it builds every element with textContent, never from HTML strings. -->
<!DOCTYPE html>
<html lang="en">
<head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="color-scheme" content="light">
    <meta name="referrer" content="no-referrer">
    <title>AWS access · Keycloak administration</title>
    <#-- The admin console's look (PatternFly 5, in Keycloak's common resources), whatever login theme the realm uses. -->
    <link href="${url.resourcesCommonPath}/vendor/patternfly-v5/patternfly.min.css" rel="stylesheet">
    <link href="${url.resourcesCommonPath}/vendor/patternfly-v5/patternfly-addons.css" rel="stylesheet">
    <link href="${url.resourcesPath}/kcaws/css/kcaws-admin.css" rel="stylesheet">
    <script src="${url.resourcesPath}/kcaws/js/kcaws-admin.js" defer></script>
</head>
<body>
<div id="kcaws-admin" class="pf-v5-c-page"
     data-login-realm="${kcaws.loginRealm}" data-client-id="${kcaws.clientId}"
     data-server-url="${kcaws.serverUrl}" data-page-url="${kcaws.pageUrl}">
    <header class="pf-v5-c-masthead">
        <div class="pf-v5-c-masthead__main">
            <span class="pf-v5-c-masthead__brand kcaws-brand">AWS access</span>
        </div>
        <div class="pf-v5-c-masthead__content">
            <span class="kcaws-spacer"></span>
            <a id="kcaws-console-link" class="pf-v5-c-button pf-m-plain kcaws-masthead-link"
               href="${kcaws.serverUrl}/admin/${kcaws.loginRealm}/console/">Keycloak admin console</a>
            <span id="kcaws-admin-user" class="kcaws-masthead-text"></span>
            <button id="kcaws-admin-signout" class="pf-v5-c-button pf-m-plain kcaws-masthead-link" type="button" hidden>Sign out</button>
        </div>
    </header>
    <div class="pf-v5-c-page__sidebar pf-m-expanded">
        <div class="pf-v5-c-page__sidebar-body">
            <div class="kcaws-realm-picker">
                <label class="pf-v5-c-form__label" for="kcaws-realm"><span class="pf-v5-c-form__label-text">Realm</span></label>
                <select id="kcaws-realm" class="pf-v5-c-form-control"></select>
            </div>
            <nav class="pf-v5-c-nav" aria-label="AWS access">
                <ul class="pf-v5-c-nav__list" id="kcaws-nav">
                    <li class="pf-v5-c-nav__item"><a class="pf-v5-c-nav__link" data-view="accounts" href="#">AWS accounts</a></li>
                    <li class="pf-v5-c-nav__item"><a class="pf-v5-c-nav__link" data-view="permission-sets" href="#">Permission sets</a></li>
                    <li class="pf-v5-c-nav__item"><a class="pf-v5-c-nav__link" data-view="principals" href="#">Groups and users</a></li>
                    <li class="pf-v5-c-nav__item"><a class="pf-v5-c-nav__link" data-view="setup" href="#">AWS client and IAM code</a></li>
                </ul>
            </nav>
        </div>
    </div>
    <main class="pf-v5-c-page__main" tabindex="-1">
        <section class="pf-v5-c-page__main-section pf-m-light">
            <h1 id="kcaws-title" class="pf-v5-c-title pf-m-2xl">AWS access</h1>
            <p id="kcaws-subtitle" class="kcaws-subtitle"></p>
        </section>
        <section class="pf-v5-c-page__main-section">
            <ul id="kcaws-alerts" class="pf-v5-c-alert-group" aria-live="polite"></ul>
            <div id="kcaws-view"><p class="kcaws-loading">Signing in…</p></div>
        </section>
    </main>
</div>
<noscript>This page needs JavaScript.</noscript>
</body>
</html>
