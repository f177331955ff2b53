/*
 * The AWS admin page. Signs the administrator in with this realm's aws-admin-console client
 * (authorization code + PKCE; tokens only in this page's memory) and does everything through the
 * bundle's admin API, /admin/realms/{realm}/aws/..., so its permission checks, validation and admin
 * events apply exactly as for curl. Every element is built with textContent / setAttribute: nothing
 * the API returns is ever parsed as HTML.
 */
'use strict';

(() => {
    const root = document.getElementById('kcaws-admin');
    if (!root) {
        return;
    }
    const cfg = {
        loginRealm: root.dataset.loginRealm,
        clientId: root.dataset.clientId,
        serverUrl: root.dataset.serverUrl,
        pageUrl: root.dataset.pageUrl,
    };
    const oidc = `${cfg.serverUrl}/realms/${encodeURIComponent(cfg.loginRealm)}/protocol/openid-connect`;
    const viewEl = document.getElementById('kcaws-view');
    const alertsEl = document.getElementById('kcaws-alerts');
    const titleEl = document.getElementById('kcaws-title');
    const subtitleEl = document.getElementById('kcaws-subtitle');
    const realmSelect = document.getElementById('kcaws-realm');
    const PAGE = 1000;

    // ---------------------------------------------------------------- DOM

    /** h('td', {class: 'x'}, 'text', child): strings become text nodes, never markup. */
    function h(tag, props, ...children) {
        const el = document.createElement(tag);
        for (const [key, value] of Object.entries(props || {})) {
            if (value === undefined || value === null || value === false) {
                continue;
            }
            if (key.startsWith('on')) {
                el.addEventListener(key.substring(2), value);
            } else if (key === 'class') {
                el.className = value;
            } else if (key === 'value') {
                el.value = value;
            } else {
                el.setAttribute(key, value === true ? '' : String(value));
            }
        }
        for (const child of children.flat(Infinity)) {
            if (child !== undefined && child !== null && child !== false) {
                el.append(child instanceof Node ? child : String(child));
            }
        }
        return el;
    }

    function button(text, kind, onclick, props) {
        return h('button', Object.assign({class: `pf-v5-c-button pf-m-${kind}`, type: 'button', onclick}, props || {}), text);
    }

    let fieldSeq = 0;

    /** A PatternFly form group; the control carries data-field = the admin API's field name for its errors. */
    function formGroup(label, control, help) {
        const id = `kcaws-f${++fieldSeq}`;
        control.id = id;
        const wrapper = h('span', {class: 'pf-v5-c-form-control' + (control.tagName === 'TEXTAREA' ? ' pf-m-resize-vertical' : '')}, control);
        const helper = h('div', {class: 'pf-v5-c-helper-text', 'aria-live': 'polite'},
            help ? h('div', {class: 'pf-v5-c-helper-text__item'}, h('span', {class: 'pf-v5-c-helper-text__item-text'}, help)) : null);
        return h('div', {class: 'pf-v5-c-form__group'},
            h('div', {class: 'pf-v5-c-form__group-label'},
                h('label', {class: 'pf-v5-c-form__label', for: id}, h('span', {class: 'pf-v5-c-form__label-text'}, label))),
            h('div', {class: 'pf-v5-c-form__group-control'}, wrapper, h('div', {class: 'pf-v5-c-form__helper-text'}, helper)));
    }

    function input(field, props) {
        return h('input', Object.assign({class: '', type: 'text', 'data-field': field, autocomplete: 'off'}, props || {}));
    }

    function select(field, options, props) {
        return h('select', Object.assign({'data-field': field}, props || {}),
            options.map(([value, text]) => h('option', {value}, text)));
    }

    /** A multiple choice list with a filter box: usable with a thousand accounts. */
    function pickList(field, options, label) {
        const list = h('select', {multiple: true, size: Math.min(8, Math.max(3, options.length)), 'data-field': field, 'aria-label': label},
            options.map(([value, text]) => h('option', {value}, text)));
        const filterInput = h('input', {type: 'search', placeholder: 'Filter', 'aria-label': `Filter ${label}`,
            oninput: () => {
                const q = filterInput.value.trim().toLowerCase();
                for (const option of list.options) {
                    option.hidden = q !== '' && !option.textContent.toLowerCase().includes(q);
                }
            }});
        const filter = h('span', {class: 'pf-v5-c-form-control kcaws-pick-filter'}, filterInput);
        list.selectedValues = () => Array.from(list.selectedOptions).map(o => o.value);
        return {list, filter};
    }

    function table(columns, rows, emptyText, testid) {
        if (rows.length === 0) {
            return h('div', {class: 'pf-v5-c-empty-state pf-m-sm', 'data-testid': `${testid}-empty`},
                h('div', {class: 'pf-v5-c-empty-state__content'}, h('div', {class: 'pf-v5-c-empty-state__body'}, emptyText)));
        }
        return h('table', {class: 'pf-v5-c-table pf-m-compact pf-m-grid-md', role: 'grid', 'data-testid': testid},
            h('thead', {class: 'pf-v5-c-table__thead'}, h('tr', {class: 'pf-v5-c-table__tr'},
                columns.map(c => h('th', {class: 'pf-v5-c-table__th', scope: 'col'}, c)))),
            h('tbody', {class: 'pf-v5-c-table__tbody'}, rows));
    }

    function row(cells, props) {
        return h('tr', Object.assign({class: 'pf-v5-c-table__tr'}, props || {}),
            cells.map(c => h('td', {class: 'pf-v5-c-table__td'}, c)));
    }

    function card(title, ...body) {
        return h('div', {class: 'pf-v5-c-card kcaws-card'},
            h('div', {class: 'pf-v5-c-card__title'}, h('h2', {class: 'pf-v5-c-card__title-text'}, title)),
            h('div', {class: 'pf-v5-c-card__body'}, body));
    }

    function details(pairs) {
        return h('dl', {class: 'pf-v5-c-description-list pf-m-horizontal kcaws-details'},
            pairs.map(([term, value]) => h('div', {class: 'pf-v5-c-description-list__group'},
                h('dt', {class: 'pf-v5-c-description-list__term'}, h('span', {class: 'pf-v5-c-description-list__text'}, term)),
                h('dd', {class: 'pf-v5-c-description-list__description'},
                    h('div', {class: 'pf-v5-c-description-list__text'}, value === null || value === undefined || value === '' ? '—' : value)))));
    }

    function link(text, view, id, props) {
        return h('a', Object.assign({href: route(view, id)}, props || {}), text);
    }

    // ------------------------------------------------------------- alerts

    let pendingAlerts = [];

    function alert(kind, text) {
        alertsEl.append(h('li', {class: 'pf-v5-c-alert-group__item'},
            h('div', {class: `pf-v5-c-alert pf-m-inline pf-m-${kind}`, 'data-testid': `alert-${kind}`},
                h('p', {class: 'pf-v5-c-alert__title'}, text))));
    }

    /** An alert that survives the navigation the action is about to make. */
    function alertAfterNavigation(kind, text) {
        pendingAlerts.push([kind, text]);
    }

    /** Takes away what the last attempt said: the form's error and the page's alerts. */
    function clearMessages(form) {
        alertsEl.replaceChildren();
        if (form) {
            form.querySelectorAll('.pf-m-error').forEach(e => e.classList.remove('pf-m-error'));
            form.querySelectorAll('[aria-invalid]').forEach(e => e.removeAttribute('aria-invalid'));
            form.querySelectorAll('.kcaws-form-error').forEach(e => e.remove());
        }
    }

    /** Shows an error on the form: the field the API named, and the API's message above the form. */
    function showFormError(form, error) {
        clearMessages(form);
        const message = error instanceof ApiError ? error.message : `Unexpected error: ${error.message}`;
        form.prepend(h('div', {class: 'pf-v5-c-alert pf-m-inline pf-m-danger kcaws-form-error', 'data-testid': 'form-error', role: 'alert'},
            h('p', {class: 'pf-v5-c-alert__title'}, message)));
        const control = error.field ? form.querySelector(`[data-field="${CSS.escape(error.field)}"]`) : null;
        if (control) {
            control.setAttribute('aria-invalid', 'true');
            control.closest('.pf-v5-c-form-control')?.classList.add('pf-m-error');
            const helper = control.closest('.pf-v5-c-form__group-control').querySelector('.pf-v5-c-helper-text');
            helper.replaceChildren(h('div', {class: 'pf-v5-c-helper-text__item pf-m-error'},
                h('span', {class: 'pf-v5-c-helper-text__item-text'}, message)));
            control.focus();
        }
    }

    // ------------------------------------------------------------ sign-in

    const LOGIN_KEY = 'kcaws-admin-login';
    const tokens = {access: null, refresh: null, id: null, expiresAt: 0, refreshExpiresAt: 0, user: ''};

    class SigningIn extends Error {
    }

    function base64url(bytes) {
        let s = '';
        bytes.forEach(b => s += String.fromCharCode(b));
        return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    }

    function randomString(length) {
        const bytes = new Uint8Array(length);
        crypto.getRandomValues(bytes);
        return base64url(bytes);
    }

    function jwtPayload(jwt) {
        const part = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
        return JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(part), c => c.charCodeAt(0))));
    }

    async function redirectToSignIn() {
        if (!window.isSecureContext || !crypto.subtle) {
            throw new Error('This page signs you in with PKCE, which browsers allow only over HTTPS (or on localhost).');
        }
        const login = {state: randomString(16), verifier: randomString(48), nonce: randomString(16), hash: location.hash};
        sessionStorage.setItem(LOGIN_KEY, JSON.stringify(login));
        const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(login.verifier));
        const params = new URLSearchParams({
            client_id: cfg.clientId, redirect_uri: cfg.pageUrl, response_type: 'code', scope: 'openid',
            state: login.state, nonce: login.nonce, code_challenge: base64url(new Uint8Array(digest)), code_challenge_method: 'S256',
        });
        location.assign(`${oidc}/auth?${params}`);
        throw new SigningIn('Signing in…');
    }

    async function tokenRequest(params) {
        const response = await fetch(`${oidc}/token`, {
            method: 'POST',
            headers: {'Content-Type': 'application/x-www-form-urlencoded'},
            body: new URLSearchParams(Object.assign({client_id: cfg.clientId}, params)),
        });
        const body = await response.json().catch(() => ({}));
        if (!response.ok) {
            return null;
        }
        const now = Date.now();
        tokens.access = body.access_token;
        tokens.refresh = body.refresh_token;
        tokens.id = body.id_token || tokens.id;
        tokens.expiresAt = now + (body.expires_in || 60) * 1000;
        tokens.refreshExpiresAt = body.refresh_expires_in ? now + body.refresh_expires_in * 1000 : 0;
        const claims = jwtPayload(tokens.access);
        tokens.user = claims.preferred_username || claims.sub;
        return body;
    }

    /** Back from Keycloak's sign-in with ?code=…: trade it for tokens (once) and restore the view the admin asked for. */
    async function completeSignIn() {
        const query = new URLSearchParams(location.search);
        if (!query.has('code') && !query.has('error')) {
            return false;
        }
        const saved = JSON.parse(sessionStorage.getItem(LOGIN_KEY) || 'null');
        sessionStorage.removeItem(LOGIN_KEY);
        history.replaceState(null, '', cfg.pageUrl + (saved && saved.hash ? saved.hash : ''));
        if (query.has('error')) {
            throw new Error(`Sign-in did not complete: ${query.get('error_description') || query.get('error')}`);
        }
        if (!saved || saved.state !== query.get('state')) {
            throw new Error('The sign-in answer does not belong to this page; reload the page to sign in again.');
        }
        const body = await tokenRequest({grant_type: 'authorization_code', code: query.get('code'),
            redirect_uri: cfg.pageUrl, code_verifier: saved.verifier});
        if (!body || !body.id_token || jwtPayload(body.id_token).nonce !== saved.nonce) {
            throw new Error('Keycloak did not issue a valid token for this page; reload the page to sign in again.');
        }
        return true;
    }

    async function accessToken() {
        if (tokens.access && Date.now() < tokens.expiresAt - 20000) {
            return tokens.access;
        }
        if (tokens.refresh && (tokens.refreshExpiresAt === 0 || Date.now() < tokens.refreshExpiresAt - 5000)
            && await tokenRequest({grant_type: 'refresh_token', refresh_token: tokens.refresh})) {
            return tokens.access;
        }
        return redirectToSignIn();
    }

    function signOut() {
        const params = new URLSearchParams({client_id: cfg.clientId, post_logout_redirect_uri: cfg.pageUrl});
        if (tokens.id) {
            params.set('id_token_hint', tokens.id);
        }
        location.assign(`${oidc}/logout?${params}`);
    }

    // ---------------------------------------------------------- admin API

    class ApiError extends Error {
        constructor(status, message, field) {
            super(message);
            this.status = status;
            this.field = field;
        }
    }

    /** One call of the admin API for the chosen realm; the API's own error message (and field) on failure. */
    async function api(method, path, body, options) {
        const token = await accessToken();
        const realm = state.realm;
        const response = await fetch(`${cfg.serverUrl}/admin/realms/${encodeURIComponent(realm)}${path}`, {
            method,
            headers: Object.assign({Authorization: `Bearer ${token}`}, body === undefined ? {} : {'Content-Type': 'application/json'}),
            body: body === undefined ? undefined : JSON.stringify(body),
        });
        const text = await response.text();
        if (response.ok) {
            if (options && options.raw) {
                return text;
            }
            return text && (response.headers.get('Content-Type') || '').includes('json') ? JSON.parse(text) : text;
        }
        if (response.status === 401) {
            return redirectToSignIn();
        }
        let message = text;
        let field = null;
        try {
            const json = JSON.parse(text);
            message = json.errorMessage || json.error_description || json.error || text;
            field = json.field || null;
        } catch (ignored) {
            // not JSON: the text itself
        }
        if (response.status === 403) {
            message = `Your administrator account may not do this in realm ${realm} (the admin API answered 403${message ? `: ${message}` : ''}).`;
        }
        throw new ApiError(response.status, message || `${response.status} ${response.statusText}`, field);
    }

    const aws = (path) => `/aws${path}`;
    const q = (params) => {
        const s = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== null && v !== undefined && v !== '')).toString();
        return s ? `?${s}` : '';
    };

    /** Every assignment matching the filter, page by page. */
    async function allAssignments(filter) {
        const result = [];
        for (let first = 0; ; first += PAGE) {
            const page = await api('GET', aws(`/assignments${q(Object.assign({first, max: PAGE}, filter))}`));
            result.push(...page);
            if (page.length < PAGE) {
                return result;
            }
        }
    }

    // ------------------------------------------------------------- routes

    const state = {realm: null, realms: []};
    const TITLES = {
        'accounts': 'AWS accounts',
        'permission-sets': 'Permission sets',
        'principals': 'Groups and users',
        'setup': 'AWS client and IAM code',
    };

    function route(view, id, realm) {
        const parts = [realm || state.realm, view];
        if (id !== undefined && id !== null) {
            parts.push(id);
        }
        return '#/' + parts.map(encodeURIComponent).join('/');
    }

    function go(view, id) {
        const target = route(view, id);
        if (location.hash === target) {
            render();
        } else {
            location.hash = target;
        }
    }

    function parseRoute() {
        const parts = location.hash.replace(/^#\/?/, '').split('/').filter(p => p !== '').map(decodeURIComponent);
        return {realm: parts[0] || null, view: parts[1] || 'accounts', id: parts.length > 2 ? parts[2] : null};
    }

    async function render() {
        const r = parseRoute();
        if (!r.realm || !state.realms.includes(r.realm)) {
            const fallback = state.realms.find(n => n !== cfg.loginRealm) || state.realms[0];
            location.replace(route(r.view in TITLES ? r.view : 'accounts', null, fallback));
            return;
        }
        state.realm = r.realm;
        realmSelect.value = r.realm;
        for (const a of document.querySelectorAll('#kcaws-nav a')) {
            a.setAttribute('href', route(a.dataset.view));
            const current = a.dataset.view === r.view || (a.dataset.view === 'principals' && (r.view === 'groups' || r.view === 'users'));
            a.classList.toggle('pf-m-current', current);
            if (current) {
                a.setAttribute('aria-current', 'page');
            } else {
                a.removeAttribute('aria-current');
            }
        }
        alertsEl.replaceChildren();
        pendingAlerts.forEach(([kind, text]) => alert(kind, text));
        pendingAlerts = [];
        const views = {
            'accounts': () => r.id === null ? accountsView() : accountView(r.id),
            'permission-sets': () => r.id === null ? setsView() : setView(r.id),
            'principals': principalsView,
            'groups': () => principalView('group', r.id),
            'users': () => principalView('user', r.id),
            'setup': setupView,
        };
        const show = views[r.view] || views.accounts;
        viewEl.replaceChildren(h('p', {class: 'kcaws-loading'}, 'Loading…'));
        try {
            const content = await show();
            viewEl.replaceChildren(content);
        } catch (e) {
            if (!(e instanceof SigningIn)) {
                viewEl.replaceChildren(h('div', {class: 'pf-v5-c-alert pf-m-inline pf-m-danger', 'data-testid': 'view-error'},
                    h('p', {class: 'pf-v5-c-alert__title'}, e.message)));
            }
        }
    }

    function heading(title, subtitle) {
        titleEl.textContent = title;
        subtitleEl.textContent = subtitle;
    }

    /** Runs an action from a form: errors go on the form; nothing else changes on failure. */
    async function submit(form, action) {
        clearMessages(form);
        const buttons = form.querySelectorAll('button');
        buttons.forEach(b => b.disabled = true);
        try {
            await action();
        } catch (e) {
            if (!(e instanceof SigningIn)) {
                showFormError(form, e);
            }
        } finally {
            buttons.forEach(b => b.disabled = false);
        }
    }

    async function confirmAndDelete(question, path, done) {
        if (!window.confirm(question)) {
            return;
        }
        clearMessages(null);
        try {
            await api('DELETE', path);
            done();
        } catch (e) {
            if (!(e instanceof SigningIn)) {
                alert('danger', e.message);
            }
        }
    }

    function toolbar(...items) {
        return h('div', {class: 'pf-v5-c-toolbar'}, h('div', {class: 'pf-v5-c-toolbar__content'},
            h('div', {class: 'pf-v5-c-toolbar__content-section'}, items.map(i => h('div', {class: 'pf-v5-c-toolbar__item'}, i)))));
    }

    /** A search box that hides the rows (by their text) of the table it is put above, as the user types. */
    function rowSearch(placeholder, testid) {
        const field = h('input', {type: 'search', placeholder, 'aria-label': placeholder, 'data-testid': testid,
            oninput: () => {
                const q = field.value.trim().toLowerCase();
                const tbody = field.closest('.kcaws-list').querySelector('tbody');
                for (const tr of tbody ? tbody.rows : []) {
                    tr.hidden = q !== '' && !tr.textContent.toLowerCase().includes(q);
                }
            }});
        return h('span', {class: 'pf-v5-c-form-control kcaws-row-search'}, field);
    }

    // ----------------------------------------------------------- accounts

    const PARTITIONS = [['aws', 'aws (commercial)'], ['aws-us-gov', 'aws-us-gov (GovCloud)'], ['aws-cn', 'aws-cn (China)']];

    function accountForm(existing, onSaved, onCancel) {
        const id = input('accountId', {value: existing ? existing.id : '', readonly: !!existing, inputmode: 'numeric', maxlength: 12, name: 'id'});
        const name = input('account.name', {value: existing ? existing.name : '', name: 'name'});
        const partition = select('account.partition', PARTITIONS, {name: 'partition'});
        partition.value = existing ? existing.partition : 'aws';
        const region = input('account.region', {value: existing && existing.region ? existing.region : '', name: 'region', placeholder: 'us-east-1'});
        const provider = input('account.samlProvider', {value: existing ? existing.samlProvider : 'keycloak', name: 'samlProvider'});
        const form = h('form', {class: 'pf-v5-c-form pf-m-horizontal kcaws-form', 'data-testid': 'account-form', novalidate: true},
            formGroup('Account ID', id, '12 digits'),
            formGroup('Name', name),
            formGroup('Partition', partition),
            formGroup('Region', region, 'Optional: the default region for CLI access'),
            formGroup('SAML provider name', provider, 'The IAM identity provider in that account (arn:…:saml-provider/<name>)'),
            h('div', {class: 'pf-v5-c-form__group pf-m-action'}, h('div', {class: 'pf-v5-c-form__actions'},
                h('button', {class: 'pf-v5-c-button pf-m-primary', type: 'submit', 'data-testid': 'save'}, existing ? 'Save' : 'Add account'),
                button('Cancel', 'link', onCancel))));
        form.addEventListener('submit', (event) => {
            event.preventDefault();
            const body = {id: id.value.trim(), name: name.value, partition: partition.value,
                region: region.value.trim() || null, samlProvider: provider.value.trim()};
            submit(form, async () => {
                const saved = existing
                    ? await api('PUT', aws(`/accounts/${encodeURIComponent(existing.id)}`), body)
                    : await api('POST', aws('/accounts'), body);
                onSaved(saved);
            });
        });
        return form;
    }

    async function accountsView() {
        heading(TITLES.accounts, `The AWS accounts users of realm ${state.realm} can be given access to.`);
        const accounts = await api('GET', aws('/accounts'));
        const formSlot = h('div');
        const openForm = (existing) => {
            formSlot.replaceChildren(card(existing ? `Edit ${existing.name}` : 'Add an AWS account', accountForm(existing, (saved) => {
                alertAfterNavigation('success', `AWS account ${saved.id} (${saved.name}) ${existing ? 'saved' : 'added'}.`);
                go('accounts');
            }, () => formSlot.replaceChildren())));
            formSlot.querySelector('input:not([readonly])').focus();
        };
        return h('div', {class: 'kcaws-list'},
            toolbar(rowSearch('Search by ID or name', 'search-accounts'),
                button('Add account', 'primary', () => openForm(null), {'data-testid': 'add-account'})),
            formSlot,
            table(['Account ID', 'Name', 'Partition', 'Region', 'SAML provider', ''], accounts.map(a => row([
                link(a.id, 'accounts', a.id, {'data-testid': 'account-link'}), a.name, a.partition, a.region || '—', a.samlProvider,
                h('span', {class: 'kcaws-actions'},
                    button('Edit', 'link', () => openForm(a), {'data-testid': 'edit'}),
                    button('Delete', 'link', () => confirmAndDelete(
                        `Delete AWS account ${a.id} (${a.name})? Every assignment in it is removed too.`,
                        aws(`/accounts/${encodeURIComponent(a.id)}`),
                        () => {
                            alertAfterNavigation('success', `AWS account ${a.id} deleted with its assignments.`);
                            go('accounts');
                        }), {'data-testid': 'delete'})),
            ], {'data-testid': 'account-row', 'data-id': a.id})), 'No AWS accounts yet. Add the first one.', 'accounts'));
    }

    async function accountView(id) {
        const [account, sets, assignments] = await Promise.all([
            api('GET', aws(`/accounts/${encodeURIComponent(id)}`)),
            api('GET', aws('/permission-sets')),
            allAssignments({accountId: id}),
        ]);
        heading(`${account.name} (${account.id})`, 'Who may open this AWS account, and as which permission set.');
        const picker = pickList('permissionSets', sets.map(s => [s.name, s.name]), 'permission sets');
        return h('div', {},
            card('Account', details([['Account ID', account.id], ['Name', account.name], ['Partition', account.partition],
                ['Region', account.region], ['SAML provider', account.samlProvider]])),
            card('Assignments', assignmentTable(assignments, ['principal', 'permissionSet'], () => go('accounts', id))),
            card('Assign permission sets in this account',
                assignForm({accountIds: [id]}, [['Permission sets', picker]], () => ({permissionSets: picker.list.selectedValues()}),
                    () => go('accounts', id))));
    }

    // ------------------------------------------------------ permission sets

    function setForm(existing, onSaved, onCancel) {
        const v = existing || {};
        const name = input('permissionSet.name', {value: v.name || '', readonly: !!existing, maxlength: 32, name: 'name'});
        const description = h('textarea', {'data-field': 'permissionSet.description', rows: 2, name: 'description'});
        description.value = v.description || '';
        const duration = input('permissionSet.sessionDuration', {value: v.sessionDuration || 3600, type: 'number', min: 900, max: 43200, name: 'sessionDuration'});
        const relay = input('permissionSet.relayState', {value: v.relayState || '', name: 'relayState', placeholder: 'https://console.aws.amazon.com/…'});
        const policies = h('textarea', {'data-field': 'permissionSet.managedPolicies', rows: 3, name: 'managedPolicies',
            placeholder: 'arn:aws:iam::aws:policy/ReadOnlyAccess'});
        policies.value = (v.managedPolicies || []).join('\n');
        const inline = h('textarea', {'data-field': 'permissionSet.inlinePolicy', rows: 6, name: 'inlinePolicy', class: 'kcaws-code', spellcheck: 'false'});
        inline.value = v.inlinePolicy || '';
        const boundary = input('permissionSet.permissionsBoundary', {value: v.permissionsBoundary || '', name: 'permissionsBoundary'});
        const form = h('form', {class: 'pf-v5-c-form pf-m-horizontal kcaws-form', 'data-testid': 'permission-set-form', novalidate: true},
            formGroup('Name', name, 'The IAM role name in every account: 1–32 of letters, digits and _+=,.@-'),
            formGroup('Description', description),
            formGroup('Session duration (seconds)', duration, '900 to 43200; the role’s maximum session duration must be at least this'),
            formGroup('Relay state', relay, 'Optional: the console page to open, e.g. https://console.aws.amazon.com/billing/home'),
            formGroup('AWS managed or customer managed policies', policies, 'One policy ARN per line, at most 20'),
            formGroup('Inline policy', inline, 'Optional: an IAM policy document (JSON)'),
            formGroup('Permissions boundary', boundary, 'Optional: a policy ARN'),
            h('div', {class: 'pf-v5-c-form__group pf-m-action'}, h('div', {class: 'pf-v5-c-form__actions'},
                h('button', {class: 'pf-v5-c-button pf-m-primary', type: 'submit', 'data-testid': 'save'}, existing ? 'Save' : 'Add permission set'),
                button('Cancel', 'link', onCancel))));
        form.addEventListener('submit', (event) => {
            event.preventDefault();
            const seconds = duration.value.trim();
            const body = {
                name: name.value.trim(), description: description.value || null,
                sessionDuration: seconds === '' ? null : Number(seconds),
                relayState: relay.value.trim() || null,
                managedPolicies: policies.value.split('\n').map(p => p.trim()).filter(p => p !== ''),
                inlinePolicy: inline.value.trim() || null, permissionsBoundary: boundary.value.trim() || null,
            };
            submit(form, async () => {
                const saved = existing
                    ? await api('PUT', aws(`/permission-sets/${encodeURIComponent(existing.name)}`), body)
                    : await api('POST', aws('/permission-sets'), body);
                onSaved(saved);
            });
        });
        return form;
    }

    function hours(seconds) {
        const h = Math.floor(seconds / 3600);
        const m = Math.round((seconds % 3600) / 60);
        return m === 0 ? `${h} h` : `${h} h ${m} min`;
    }

    async function setsView() {
        heading(TITLES['permission-sets'], 'Each permission set is one IAM role, of the same name, in every account it is assigned in.');
        const sets = await api('GET', aws('/permission-sets'));
        const formSlot = h('div');
        const openForm = (existing) => {
            formSlot.replaceChildren(card(existing ? `Edit ${existing.name}` : 'Add a permission set', setForm(existing, (saved) => {
                alertAfterNavigation('success', `Permission set ${saved.name} ${existing ? 'saved' : 'added'}.`);
                go('permission-sets');
            }, () => formSlot.replaceChildren())));
            formSlot.querySelector('input:not([readonly]), textarea').focus();
        };
        return h('div', {class: 'kcaws-list'},
            toolbar(rowSearch('Search by name or description', 'search-permission-sets'),
                button('Add permission set', 'primary', () => openForm(null), {'data-testid': 'add-permission-set'})),
            formSlot,
            table(['Name', 'Description', 'Session', 'Policies', ''], sets.map(s => row([
                link(s.name, 'permission-sets', s.name, {'data-testid': 'permission-set-link'}), s.description || '—',
                hours(s.sessionDuration),
                (s.managedPolicies || []).length + (s.inlinePolicy ? ' + inline' : '') + (s.permissionsBoundary ? ' + boundary' : ''),
                h('span', {class: 'kcaws-actions'},
                    button('Edit', 'link', () => openForm(s), {'data-testid': 'edit'}),
                    button('Delete', 'link', () => confirmAndDelete(
                        `Delete permission set ${s.name}? Every assignment of it is removed too.`,
                        aws(`/permission-sets/${encodeURIComponent(s.name)}`),
                        () => {
                            alertAfterNavigation('success', `Permission set ${s.name} deleted with its assignments.`);
                            go('permission-sets');
                        }), {'data-testid': 'delete'})),
            ], {'data-testid': 'permission-set-row', 'data-name': s.name})), 'No permission sets yet. Add the first one.', 'permission-sets'));
    }

    async function setView(name) {
        const [set, accounts, assignments] = await Promise.all([
            api('GET', aws(`/permission-sets/${encodeURIComponent(name)}`)),
            api('GET', aws('/accounts')),
            allAssignments({permissionSet: name}),
        ]);
        heading(set.name, set.description || 'Who holds this permission set, and in which accounts.');
        const picker = pickList('accountIds', accounts.map(a => [a.id, `${a.name} (${a.id})`]), 'accounts');
        return h('div', {},
            card('Permission set', details([['Name', set.name], ['Description', set.description],
                ['Session duration', `${hours(set.sessionDuration)} (${set.sessionDuration} s)`], ['Relay state', set.relayState],
                ['Managed policies', (set.managedPolicies || []).length ? h('ul', {}, set.managedPolicies.map(p => h('li', {}, p))) : null],
                ['Inline policy', set.inlinePolicy ? h('pre', {class: 'kcaws-code'}, set.inlinePolicy) : null],
                ['Permissions boundary', set.permissionsBoundary]])),
            card('Assignments', assignmentTable(assignments, ['principal', 'account'], () => go('permission-sets', name), accounts)),
            card('Assign this permission set',
                assignForm({permissionSets: [name]}, [['Accounts', picker]], () => ({accountIds: picker.list.selectedValues()}),
                    () => go('permission-sets', name))));
    }

    // --------------------------------------------------------- assignments

    function principalCell(a) {
        return a.group
            ? h('span', {}, h('span', {class: 'pf-v5-c-label pf-m-compact pf-m-blue kcaws-kind'}, h('span', {class: 'pf-v5-c-label__content'}, 'Group')), ' ',
                link(a.group, 'groups', a.group))
            : h('span', {}, h('span', {class: 'pf-v5-c-label pf-m-compact pf-m-green kcaws-kind'}, h('span', {class: 'pf-v5-c-label__content'}, 'User')), ' ',
                link(a.user, 'users', a.user));
    }

    /**
     * Assignments, showing the given columns (principal, account, permissionSet), each with Remove;
     * accounts by name when the caller has the account list.
     */
    function assignmentTable(assignments, columns, afterRemove, accounts) {
        const headers = {principal: 'Group or user', account: 'Account', permissionSet: 'Permission set'};
        const names = new Map((accounts || []).map(a => [a.id, a.name]));
        const accountText = (id) => names.has(id) ? `${names.get(id)} (${id})` : id;
        return table([...columns.map(c => headers[c]), ''], assignments.map(a => row([
            ...columns.map(c => c === 'principal' ? principalCell(a)
                : c === 'account' ? link(accountText(a.accountId), 'accounts', a.accountId) : link(a.permissionSet, 'permission-sets', a.permissionSet)),
            button('Remove', 'link', () => confirmAndDelete(
                `Remove ${a.permissionSet} in ${a.accountId} from ${a.group ? `group ${a.group}` : `user ${a.user}`}?`,
                aws(`/assignments${q({group: a.group, user: a.user, accountId: a.accountId, permissionSet: a.permissionSet})}`),
                () => {
                    alertAfterNavigation('success', `Assignment removed: ${a.group || a.user} × ${a.accountId} × ${a.permissionSet}.`);
                    afterRemove();
                }), {'data-testid': 'remove'}),
        ], {'data-testid': 'assignment-row', 'data-principal': a.group || a.user, 'data-account': a.accountId, 'data-permission-set': a.permissionSet})),
        'Nothing is assigned here yet.', 'assignments');
    }

    /** Suggestions for a group path or a username, from Keycloak's own admin API, as the admin types. */
    function principalInput(kindSelect) {
        const listId = `kcaws-principals-${++fieldSeq}`;
        const datalist = h('datalist', {id: listId});
        const field = input('principal', {list: listId, name: 'principal', placeholder: '/Developers or a username'});
        let timer = null;
        field.addEventListener('input', () => {
            clearTimeout(timer);
            timer = setTimeout(async () => {
                const term = field.value.replace(/^\//, '').trim();
                if (term.length < 1) {
                    return;
                }
                try {
                    const names = kindSelect.value === 'group'
                        ? groupPaths(await api('GET', `/groups${q({search: term, briefRepresentation: true, max: 20})}`))
                        : (await api('GET', `/users${q({search: term, briefRepresentation: true, max: 20})}`)).map(u => u.username);
                    datalist.replaceChildren(...names.slice(0, 20).map(n => h('option', {value: n})));
                } catch (ignored) {
                    // suggestions only
                }
            }, 250);
        });
        return {field, datalist};
    }

    function groupPaths(groups) {
        return groups.flatMap(g => [g.path, ...groupPaths(g.subGroups || [])]);
    }

    /**
     * The bulk assignment form: the fixed part (e.g. this account) × the picked part × a group or user.
     * One call: all granted or, on any error, none.
     */
    function assignForm(fixed, pickers, picked, done, principal) {
        const kind = select('principalKind', [['group', 'Group'], ['user', 'User']], {name: 'principalKind'});
        const who = principalInput(kind);
        const groups = [];
        if (!principal) {
            groups.push(formGroup('Assign to', kind), formGroup('Group path or username', who.field), who.datalist);
        }
        for (const [label, picker] of pickers) {
            groups.push(formGroup(label, picker.list, 'Choose one or more (Ctrl/⌘-click)'));
            picker.list.closest('.pf-v5-c-form__group-control').prepend(picker.filter);
        }
        const form = h('form', {class: 'pf-v5-c-form pf-m-horizontal kcaws-form', 'data-testid': 'assign-form', novalidate: true}, groups,
            h('div', {class: 'pf-v5-c-form__group pf-m-action'}, h('div', {class: 'pf-v5-c-form__actions'},
                h('button', {class: 'pf-v5-c-button pf-m-primary', type: 'submit', 'data-testid': 'assign'}, 'Assign'))));
        form.addEventListener('submit', (event) => {
            event.preventDefault();
            const [k, name] = principal || [kind.value, who.field.value.trim()];
            const body = Object.assign({groups: [], users: []}, fixed, picked());
            if (name === '') {
                showFormError(form, new ApiError(400, 'Name the group (its path, e.g. /Developers) or the user (the username).', 'principal'));
                return;
            }
            body[k === 'group' ? 'groups' : 'users'] = [k === 'group' && !name.startsWith('/') ? `/${name}` : name];
            submit(form, async () => {
                const result = await api('POST', aws('/assignments/bulk'), body);
                alertAfterNavigation('success', `${result.granted} assignment(s) added` +
                    (result.alreadyAssigned ? `, ${result.alreadyAssigned} already there.` : '.'));
                done();
            });
        });
        return form;
    }

    // ------------------------------------------------------ groups and users

    async function principalsView() {
        heading(TITLES.principals, 'Every group and user with AWS access, and how many assignments each has.');
        const assignments = await allAssignments({});
        const counts = new Map();
        for (const a of assignments) {
            const key = a.group ? `group\u0000${a.group}` : `user\u0000${a.user}`;
            counts.set(key, (counts.get(key) || 0) + 1);
        }
        const kind = select('principalKind', [['group', 'Group'], ['user', 'User']], {name: 'principalKind'});
        const who = principalInput(kind);
        const form = h('form', {class: 'pf-v5-c-form pf-m-horizontal kcaws-form', 'data-testid': 'principal-form', novalidate: true},
            formGroup('Kind', kind), formGroup('Group path or username', who.field), who.datalist,
            h('div', {class: 'pf-v5-c-form__group pf-m-action'}, h('div', {class: 'pf-v5-c-form__actions'},
                h('button', {class: 'pf-v5-c-button pf-m-primary', type: 'submit', 'data-testid': 'open-principal'}, 'Open'))));
        form.addEventListener('submit', (event) => {
            event.preventDefault();
            const name = who.field.value.trim();
            if (name !== '') {
                go(kind.value === 'group' ? 'groups' : 'users', kind.value === 'group' && !name.startsWith('/') ? `/${name}` : name);
            }
        });
        const rows = Array.from(counts.entries()).map(([key, count]) => {
            const [k, name] = key.split('\u0000');
            return row([principalCell(k === 'group' ? {group: name} : {user: name}), String(count)],
                {'data-testid': 'principal-row', 'data-principal': name});
        });
        return h('div', {}, card('See or change a group’s or a user’s AWS access', form),
            card('With AWS access', table(['Group or user', 'Assignments'], rows, 'No group or user has AWS access yet.', 'principals')));
    }

    async function principalView(kind, name) {
        const filter = kind === 'group' ? {group: name} : {user: name};
        const [assignments, accounts, sets] = await Promise.all([
            allAssignments(filter), api('GET', aws('/accounts')), api('GET', aws('/permission-sets'))]);
        heading(`${kind === 'group' ? 'Group' : 'User'} ${name}`,
            kind === 'group' ? 'What this group’s members (and its subgroups’ members) may open in AWS, directly assigned here.'
                : 'What this user is assigned directly; group assignments are on the groups’ pages.');
        const accountPicker = pickList('accountIds', accounts.map(a => [a.id, `${a.name} (${a.id})`]), 'accounts');
        const setPicker = pickList('permissionSets', sets.map(s => [s.name, s.name]), 'permission sets');
        return h('div', {},
            card('Assignments', assignmentTable(assignments, ['account', 'permissionSet'], () => go(kind === 'group' ? 'groups' : 'users', name),
                accounts)),
            card('Assign', assignForm({}, [['Accounts', accountPicker], ['Permission sets', setPicker]],
                () => ({accountIds: accountPicker.list.selectedValues(), permissionSets: setPicker.list.selectedValues()}),
                () => go(kind === 'group' ? 'groups' : 'users', name), [kind, name])));
    }

    // ---------------------------------------------------- client and IAM code

    /** Saves what the API returns as a file, named as the API names it. */
    async function download(path, filename, type) {
        const text = await api('GET', aws(path), undefined, {raw: true});
        const url = URL.createObjectURL(new Blob([text], {type}));
        const a = h('a', {href: url, download: filename, hidden: true});
        document.body.append(a);
        a.click();
        a.remove();
        setTimeout(() => URL.revokeObjectURL(url), 60000);
    }

    async function setupView() {
        heading(TITLES.setup, 'Create the AWS SAML client, then give AWS the IdP metadata and the IAM roles.');
        const [accounts, clients, defaults] = await Promise.all([api('GET', aws('/accounts')),
            api('GET', aws('/clients')).catch(e => e instanceof ApiError && e.status === 403 ? null : Promise.reject(e)),
            api('GET', aws('/clients/defaults'))]);
        const consoleLink = (client) => h('a', {href: `${cfg.serverUrl}/admin/${encodeURIComponent(cfg.loginRealm)}/console/#/`
                + `${encodeURIComponent(state.realm)}/clients/${encodeURIComponent(client.id)}/settings`}, client.clientId);
        const makeDefault = async (client) => {
            clearMessages(null);
            try {
                await api('PUT', aws(`/clients/${encodeURIComponent(client.id)}/default`));
                alertAfterNavigation('success', `Shortcut links and access keys of partition ${client.partition} now go through ${client.clientId}.`);
                go('setup');
            } catch (e) {
                if (!(e instanceof SigningIn)) {
                    alert('danger', e.message);
                }
            }
        };
        // Which client serves a partition's one-role logins: the default, the only one, or a button to choose.
        const servingCell = (c) => c.servesShortcuts
            ? h('span', {'data-testid': 'default-client'}, c.defaultClient ? 'Default' : 'Serves (only client)')
            : c.enabled && c.idpInitiatedUrl
                ? button('Make default', 'secondary', () => makeDefault(c), {'data-testid': 'make-default-client'})
                : '—';
        const problems = defaults.filter(d => d.problem && d.problem !== 'NONE').map(d =>
            h('div', {class: 'pf-v5-c-alert pf-m-inline pf-m-warning', 'data-testid': 'client-default-problem', 'data-partition': d.partition},
                h('p', {class: 'pf-v5-c-alert__title'}, d.message)));
        const clientList = clients === null
            ? h('p', {class: 'kcaws-note'}, 'Your administrator account may not view clients in this realm.')
            : table(['Client', 'Partition', 'Sign-in endpoint', 'IdP-initiated sign-in URL', 'Shortcut links and access keys', ''], clients.map(c => row([
                consoleLink(c), c.partition, c.signinEndpoint || '—', c.idpInitiatedUrl || '—', servingCell(c), c.enabled ? '' : 'disabled',
            ], {'data-testid': 'aws-client-row', 'data-client-id': c.clientId})), 'No AWS client in this realm yet: create one below.', 'aws-clients');
        const endpoint = input('endpoint', {name: 'endpoint', value: 'global', list: 'kcaws-endpoints'});
        const endpoints = h('datalist', {id: 'kcaws-endpoints'},
            ['global', 'aws-us-gov', 'aws-cn', 'us-east-1', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-northeast-2', 'ap-southeast-2']
                .map(v => h('option', {value: v})));
        const clientId = input('clientId', {name: 'clientId', placeholder: 'urn:amazon:webservices'});
        const urlName = input('urlName', {name: 'urlName', placeholder: 'amazon-aws'});
        const name = input('name', {name: 'name', placeholder: 'Amazon Web Services'});
        const form = h('form', {class: 'pf-v5-c-form pf-m-horizontal kcaws-form', 'data-testid': 'client-form', novalidate: true},
            formGroup('Sign-in endpoint', endpoint, 'global, a region (e.g. eu-west-1), aws-us-gov or aws-cn'), endpoints,
            formGroup('Client ID', clientId, 'Optional: the SAML entity AWS expects; urn:amazon:webservices (the global endpoint) by default'),
            formGroup('IdP-initiated URL name', urlName, 'Optional'),
            formGroup('Name', name, 'Optional'),
            h('div', {class: 'pf-v5-c-form__group pf-m-action'}, h('div', {class: 'pf-v5-c-form__actions'},
                h('button', {class: 'pf-v5-c-button pf-m-primary', type: 'submit', 'data-testid': 'create-client'}, 'Create AWS client'))));
        form.addEventListener('submit', (event) => {
            event.preventDefault();
            const body = {endpoint: endpoint.value.trim() || null, clientId: clientId.value.trim() || null,
                urlName: urlName.value.trim() || null, name: name.value.trim() || null};
            submit(form, async () => {
                const client = await api('POST', aws('/clients'), body);
                alertAfterNavigation('success', `AWS client ${client.clientId} created, with the AWS access check and the user portal.`);
                go('setup');
            });
        });
        const scope = select('accountId', [['', 'All accounts (one document per account ID)'], ...accounts.map(a => [a.id, `${a.name} (${a.id})`])], {name: 'accountId'});
        const files = h('div', {class: 'kcaws-downloads'});
        const downloads = h('form', {class: 'pf-v5-c-form kcaws-form', 'data-testid': 'iac-form', novalidate: true},
            formGroup('For', scope),
            h('div', {class: 'pf-v5-c-form__group pf-m-action'}, h('div', {class: 'pf-v5-c-form__actions'},
                button('IdP metadata (XML)', 'secondary', () => submit(downloads, () =>
                    download('/idp-metadata', `kcaws-${state.realm}-idp-metadata.xml`, 'application/xml')), {'data-testid': 'download-metadata'}),
                button('CloudFormation template', 'secondary', () => submit(downloads, () =>
                    download(`/iac/cloudformation${q({accountId: scope.value})}`,
                        `kcaws-${state.realm}-${scope.value || 'all-accounts'}.cfn.json`, 'application/json')), {'data-testid': 'download-cloudformation'}),
                button('Terraform configuration', 'secondary', () => submit(downloads, () =>
                    download(`/iac/terraform${q({accountId: scope.value})}`,
                        `kcaws-${state.realm}-${scope.value || 'all-accounts'}.tf.json`, 'application/json')), {'data-testid': 'download-terraform'}))),
            files);
        return h('div', {},
            card('AWS clients', problems, h('p', {class: 'kcaws-note'},
                'Shortcut links and access keys of each partition go through its default client; creating another client does not change it.'),
                clientList),
            card('Create an AWS client', h('p', {class: 'kcaws-note'},
                'One action makes a SAML client AWS accepts: signed response and assertion, persistent NameID, only the AWS role-pair mapper, '
                + 'no client scopes. It also turns on the AWS access check and sets up the user portal.'), form),
            card('The AWS side', h('p', {class: 'kcaws-note'},
                'Upload the IdP metadata as a SAML identity provider in IAM, or apply the CloudFormation template or Terraform configuration: '
                + 'they create the provider and one IAM role per permission set assigned in the account.'), downloads));
    }

    // -------------------------------------------------------------- start

    async function start() {
        try {
            const signedIn = await completeSignIn();
            if (!signedIn) {
                await redirectToSignIn();
                return;
            }
            document.getElementById('kcaws-admin-user').textContent = tokens.user;
            const signOutButton = document.getElementById('kcaws-admin-signout');
            signOutButton.hidden = false;
            signOutButton.addEventListener('click', signOut);
            const realms = await fetch(`${cfg.serverUrl}/admin/realms?briefRepresentation=true`,
                {headers: {Authorization: `Bearer ${await accessToken()}`}});
            if (!realms.ok) {
                throw new Error(realms.status === 403
                    ? `${tokens.user} is not an administrator of any realm here. Sign in as an administrator.`
                    : `Keycloak did not list the realms (${realms.status}).`);
            }
            state.realms = (await realms.json()).map(r => r.realm).sort();
            if (state.realms.length === 0) {
                throw new Error(`${tokens.user} may not administer any realm here. Sign in as an administrator.`);
            }
            realmSelect.replaceChildren(...state.realms.map(r => h('option', {value: r}, r)));
            realmSelect.addEventListener('change', () => {
                const view = parseRoute().view;
                location.hash = route(view in TITLES ? view : 'accounts', null, realmSelect.value);
            });
            window.addEventListener('hashchange', render);
            await render();
        } catch (e) {
            if (!(e instanceof SigningIn)) {
                viewEl.replaceChildren(h('div', {class: 'pf-v5-c-alert pf-m-inline pf-m-danger', 'data-testid': 'view-error'},
                    h('p', {class: 'pf-v5-c-alert__title'}, e.message)));
            }
        }
    }

    start();
})();
