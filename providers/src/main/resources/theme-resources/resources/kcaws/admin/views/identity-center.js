/*
 * The IAM Identity Center view: the SCIM push settings and connection test, the push status with
 * Sync now, the Identity Center SAML client, and the Identity Center side as code. Each card reads
 * its own endpoint: the SAML client's 404 means none yet; any other failure (403, or a broken endpoint)
 * shows its error in that card without hiding the rest.
 */
import {api, ApiError, aws} from '../api.js';
import {SigningIn} from '../auth.js';
import {button, card, details, formGroup, h, input, nextId, note, row, select, submitButton, table} from '../dom.js';
import {query} from '../format.js';
import {consoleClientHref, groupEntries, localTime, outcomeKind, runCounts, safeHref, samlClientBody, scimSettingsBody} from '../identity-center-format.js';
import {t} from '../i18n.js';
import {go} from '../router.js';
import {state} from '../state.js';
import {act, alertAfterNavigation, confirmAndDelete, heading, submit} from '../ui.js';
import {download} from './iam-code.js';

const IC = (path) => aws(`/identity-center${path}`);
// A Keycloak vault reference as an example (a file vault reads it from <realm>_scim-token).
const VAULT_EXAMPLE = '${vault.scim-token}';
const COUNT_TEXTS = {created: 'kcawsAdminIcCreated', updated: 'kcawsAdminIcUpdated', deactivated: 'kcawsAdminIcDeactivated',
    deleted: 'kcawsAdminIcDeleted', unchanged: 'kcawsAdminIcUnchanged', requests: 'kcawsAdminIcRequests'};
const OUTCOME_TEXTS = {OK: 'kcawsAdminIcOutcomeOk', PARTIAL: 'kcawsAdminIcOutcomePartial', FAILED: 'kcawsAdminIcOutcomeFailed'};

/** The answer; `missing` when the endpoint answers 404 (nothing there yet); other errors as they are. */
function orWhenMissing(promise, missing) {
    return promise.catch(e => e instanceof ApiError && e.status === 404 ? missing : Promise.reject(e));
}

/** The answer, or {error} so one card can show its own error (a sign-in under way stops the view). */
function settle(promise) {
    return promise.catch(e => e instanceof SigningIn ? Promise.reject(e) : {error: e});
}

export async function identityCenter() {
    heading(t('kcawsAdminNavIdentityCenter'), t('kcawsAdminIcIntro'));
    const [settings, status, samlClient, accounts] = await Promise.all([
        settle(api('GET', IC('/scim'))),
        settle(api('GET', IC('/push/status'))),
        settle(orWhenMissing(api('GET', IC('/saml-client')), null)),
        settle(api('GET', aws('/accounts'))),
    ]);
    return h('div', {'data-testid': 'identity-center'},
        samlClientCard(samlClient), settingsCard(settings), statusCard(status), iacCard(accounts));
}

function cardError(title, error, testid) {
    return card(title, h('div', {class: 'pf-v5-c-alert pf-m-inline pf-m-danger', 'data-testid': testid},
        h('p', {class: 'pf-v5-c-alert__title'}, error.message)));
}

function inlineAlert(kind, text, testid) {
    return h('div', {class: `pf-v5-c-alert pf-m-inline pf-m-${kind}`, 'data-testid': testid, role: 'status'},
        h('p', {class: 'pf-v5-c-alert__title'}, text));
}

// ---- (a) the SCIM push settings ----

/** A checkbox as a PatternFly check in a horizontal form (formGroup's text-control frame would hide it). */
function checkGroup(label, control) {
    const id = nextId('kcaws-f');
    control.id = id;
    control.className = 'pf-v5-c-check__input';
    return h('div', {class: 'pf-v5-c-form__group'},
        h('div', {class: 'pf-v5-c-form__group-label'}),
        h('div', {class: 'pf-v5-c-form__group-control'},
            h('div', {class: 'pf-v5-c-check'}, control, h('label', {class: 'pf-v5-c-check__label', for: id}, label)),
            h('div', {class: 'pf-v5-c-form__helper-text'}, h('div', {class: 'pf-v5-c-helper-text', 'aria-live': 'polite'}))));
}

/** A list of chosen groups (id, path) with remove buttons, and a search box to add more. */
function groupPicker(initial) {
    const chosen = new Map(initial.map(g => [g.id, g.path]));
    const list = h('ul', {class: 'kcaws-chosen-groups', 'data-field': 'groupIds', 'data-testid': 'ic-groups', tabindex: '-1'});
    const redraw = () => list.replaceChildren(...[...chosen].map(([id, path]) => h('li', {'data-group-id': id},
        h('span', {}, path || t('kcawsAdminIcGroupUnknown', id)), ' ',
        button(t('kcawsAdminRemove'), 'link', () => {
            chosen.delete(id);
            redraw();
        }, {'aria-label': t('kcawsAdminIcRemoveGroup', path || id)}))));
    redraw();
    const datalistId = `kcaws-ic-groups-${Math.random().toString(36).slice(2)}`;
    const datalist = h('datalist', {id: datalistId});
    let offered = [];
    const search = h('input', {type: 'search', list: datalistId, placeholder: t('kcawsAdminIcGroupSearch'),
        'aria-label': t('kcawsAdminIcGroupSearch'), 'data-testid': 'ic-group-search', autocomplete: 'off',
        oninput: async () => {
            const term = search.value.trim();
            offered = term === '' ? [] : groupEntries(await api('GET', `/groups${query({search: term, briefRepresentation: true, max: 20})}`).catch(() => []));
            datalist.replaceChildren(...offered.map(g => h('option', {value: g.path})));
        }});
    const add = button(t('kcawsAdminIcAddGroup'), 'secondary', () => {
        const path = search.value.trim();
        const group = offered.find(g => g.path === path || g.path === `/${path}`);
        if (group) {
            chosen.set(group.id, group.path);
            search.value = '';
            redraw();
        }
    }, {'data-testid': 'ic-add-group'});
    const control = h('div', {}, list, h('span', {class: 'pf-v5-c-form-control'}, search), datalist, add);
    control.ids = () => [...chosen.keys()];
    return {control, list};
}

/**
 * The API's warning when the Keycloak username is the user name and users in scope have one that
 * is not an email address (Identity Center could not sign them in); null when there is none.
 */
function userNameWarning(warning) {
    if (!warning) {
        return null;
    }
    const examples = warning.examples || [];
    return h('div', {class: 'pf-v5-c-alert pf-m-inline pf-m-warning', 'data-testid': 'ic-username-warning', role: 'status'},
        h('p', {class: 'pf-v5-c-alert__title'},
            t(warning.scope === 'REALM' ? 'kcawsAdminIcUserNameWarningRealm' : 'kcawsAdminIcUserNameWarningGroups', warning.count)),
        examples.length ? h('p', {class: 'pf-v5-c-alert__description', 'data-testid': 'ic-username-warning-examples'},
            t('kcawsAdminIcUserNameWarningExamples', examples.join(', '))) : null);
}

function settingsCard(settings) {
    const title = t('kcawsAdminIcScim');
    if (settings.error) {
        return cardError(title, settings.error, 'ic-settings-error');
    }
    const enabled = h('input', {type: 'checkbox', name: 'enabled', 'data-field': 'enabled', checked: settings.configured ? settings.enabled : true});
    const endpoint = input('endpoint', {name: 'endpoint', value: settings.endpoint || '', placeholder: 'https://scim.us-east-1.amazonaws.com/…/scim/v2/'});
    // Never filled back: the API does not return the token. Empty on save keeps the stored one.
    const token = input('token', {name: 'token', type: 'password', autocomplete: 'new-password', 'data-testid': 'ic-token'});
    const tokenHelp = settings.tokenVaultReference ? t('kcawsAdminIcTokenFromVault', settings.tokenVaultReference)
        : settings.tokenSet ? t('kcawsAdminIcTokenSet') : t('kcawsAdminIcTokenHelp', VAULT_EXAMPLE);
    const groups = groupPicker(settings.groups || []);
    const userNameSource = select('userNameSource', [['EMAIL', t('kcawsAdminIcUserNameEmail')], ['USERNAME', t('kcawsAdminIcUserNameUsername')]], {name: 'userNameSource'});
    userNameSource.value = settings.userNameSource || 'EMAIL';
    const leavePolicy = select('leavePolicy', [['DEACTIVATE', t('kcawsAdminIcLeaveDeactivate')], ['DELETE', t('kcawsAdminIcLeaveDelete')]], {name: 'leavePolicy'});
    leavePolicy.value = settings.leavePolicy || 'DEACTIVATE';
    const interval = input('reconcileIntervalMinutes', {name: 'reconcileIntervalMinutes', inputmode: 'numeric', value: String(settings.reconcileIntervalMinutes ?? '')});
    const testResult = h('div', {'data-testid': 'ic-test-result', 'aria-live': 'polite'});
    const form = h('form', {class: 'pf-v5-c-form pf-m-horizontal kcaws-form', 'data-testid': 'ic-settings-form', novalidate: true},
        h('p', {'data-testid': 'ic-token-state'}, tokenHelp),
        checkGroup(t('kcawsAdminIcEnabled'), enabled),
        formGroup(t('kcawsAdminIcEndpoint'), endpoint, t('kcawsAdminIcEndpointHelp')),
        formGroup(t('kcawsAdminIcToken'), token, settings.tokenSet ? t('kcawsAdminIcTokenKeep', VAULT_EXAMPLE) : t('kcawsAdminIcTokenHelp', VAULT_EXAMPLE)),
        formGroup(t('kcawsAdminIcGroups'), groups.control, t('kcawsAdminIcGroupsHelp')),
        formGroup(t('kcawsAdminIcUserNameSource'), userNameSource, t('kcawsAdminIcUserNameSourceHelp')),
        userNameWarning(settings.userNameWarning),
        formGroup(t('kcawsAdminIcLeavePolicy'), leavePolicy),
        formGroup(t('kcawsAdminIcReconcileInterval'), interval, t('kcawsAdminIcReconcileIntervalHelp')),
        submitButton(t('kcawsAdminSave'), 'ic-save'));
    form.addEventListener('submit', (event) => {
        event.preventDefault();
        const body = scimSettingsBody({enabled: enabled.checked, endpoint: endpoint.value, token: token.value, groupIds: groups.control.ids(),
            userNameSource: userNameSource.value, leavePolicy: leavePolicy.value, reconcileIntervalMinutes: interval.value});
        submit(form, async () => {
            await api('PUT', IC('/scim'), body);
            alertAfterNavigation('success', t('kcawsAdminIcSaved'));
            go('identity-center');
        });
    });
    const actions = settings.configured ? [
        button(t('kcawsAdminIcTest'), 'secondary', () => act(async () => {
            testResult.replaceChildren(inlineAlert('info', t('kcawsAdminIcTesting'), 'ic-test-running'));
            const result = await api('POST', IC('/scim/test')).catch(e => {
                testResult.replaceChildren();
                return Promise.reject(e);
            });
            testResult.replaceChildren(result.ok
                ? inlineAlert('success', t('kcawsAdminIcTestOk'), 'ic-test-ok')
                : inlineAlert('danger', t('kcawsAdminIcTestFailed', result.message), 'ic-test-failed'));
        }), {'data-testid': 'ic-test'}),
        button(t('kcawsAdminIcRemoveSettings'), 'danger', () => confirmAndDelete(t('kcawsAdminIcRemoveSettingsQuestion'), IC('/scim'), () => {
            alertAfterNavigation('success', t('kcawsAdminIcRemoved'));
            go('identity-center');
        }), {'data-testid': 'ic-remove'}),
    ] : [];
    return card(t('kcawsAdminIcScim'), note(t('kcawsAdminIcScimNote')), form, h('div', {class: 'kcaws-actions'}, actions), testResult);
}

// ---- (b) push status and Sync now ----

function runDetails(label, run, testid) {
    if (!run) {
        return h('div', {'data-testid': testid}, h('h3', {}, label), note(t('kcawsAdminIcNoRunYet')));
    }
    const failures = run.failures || [];
    return h('div', {'data-testid': testid, 'data-outcome': run.outcome},
        h('h3', {}, label),
        inlineAlert(outcomeKind(run.outcome), t(OUTCOME_TEXTS[run.outcome] || OUTCOME_TEXTS.FAILED), `${testid}-outcome`),
        run.error ? note(t('kcawsAdminIcRunError', run.error)) : null,
        details([
            [t('kcawsAdminIcStartedAt'), localTime(run.startedAt, document.documentElement.lang)],
            [t('kcawsAdminIcFinishedAt'), localTime(run.finishedAt, document.documentElement.lang)],
            ...runCounts(run).map(([name, n]) => [t(COUNT_TEXTS[name]), String(n)]),
        ]),
        h('div', {class: 'kcaws-failures'}, table([t('kcawsAdminIcFailureKind'), t('kcawsAdminIcFailureName'), t('kcawsAdminIcFailureId'),
            t('kcawsAdminIcFailureMessage')], failures.map(f => row([f.kind, f.name, f.keycloakId, f.message], {'data-testid': 'ic-failure'})),
        t('kcawsAdminIcNoFailures'), `${testid}-failures`)));
}

function statusCard(status) {
    const title = t('kcawsAdminIcStatus');
    if (status.error) {
        return cardError(title, status.error, 'ic-status-error');
    }
    const syncResult = h('div', {'aria-live': 'polite'});
    const sync = button(t('kcawsAdminIcSyncNow'), 'primary', () => act(async () => {
        sync.disabled = true;
        try {
            const run = await api('POST', IC('/push/sync'));
            // 202: a large realm's reconcile goes on; its run shows as the last reconcile when done.
            syncResult.replaceChildren(run && run.running
                ? h('p', {class: 'kcaws-note', 'data-testid': 'ic-sync-running'}, t('kcawsAdminIcSyncRunning'))
                : runDetails(t('kcawsAdminIcSyncResult'), run, 'ic-sync-result'));
        } finally {
            sync.disabled = false;
        }
    }), {'data-testid': 'ic-sync'});
    return card(title,
        details([[t('kcawsAdminIcPending'), String(status.pending ?? 0)]]),
        runDetails(t('kcawsAdminIcLastPush'), status.lastPush, 'ic-last-push'),
        runDetails(t('kcawsAdminIcLastReconcile'), status.lastReconcile, 'ic-last-reconcile'),
        h('div', {class: 'kcaws-actions'}, sync), syncResult);
}

// ---- (c) the Identity Center SAML client ----

/**
 * What the realm's one Identity Center client is (a second is refused): its ID, where Keycloak's
 * console edits or deletes it, the IdP-initiated URL, the ABAC attributes, the IdP metadata.
 */
function clientDetails(client) {
    const href = safeHref(client.idpInitiatedUrl);
    const portal = safeHref(client.accessPortalUrl);
    const cfg = state.cfg;
    return h('div', {'data-testid': 'ic-saml-client'}, details([
        [t('kcawsAdminClientId'), h('span', {'data-testid': 'ic-saml-client-id'}, client.clientId)],
        [t('kcawsAdminIdpInitiatedUrl'), h('span', {'data-testid': 'ic-saml-idp-initiated-url'},
            href ? h('a', {href, target: '_blank', rel: 'noopener noreferrer'}, client.idpInitiatedUrl) : client.idpInitiatedUrl)],
        [t('kcawsAdminIcAccessPortalUrl'), portal ? h('a', {href: portal, target: '_blank', rel: 'noopener noreferrer'}, client.accessPortalUrl)
            : client.accessPortalUrl],
        [t('kcawsAdminIcAbac'), (client.attributes || []).map(a => `AccessControl:${a.key} ← ${a.userAttribute}`).join(', ')],
    ]), note(t('kcawsAdminIcSamlExists')),
    h('div', {class: 'kcaws-actions'},
        h('a', {href: consoleClientHref(cfg.serverUrl, cfg.loginRealm, state.realm, client.id), 'data-testid': 'ic-saml-console-link'},
            t('kcawsAdminIcSamlEditInConsole')),
        button(t('kcawsAdminIdpMetadata'), 'secondary', () => act(() =>
            download('/idp-metadata', `kcaws-${state.realm}-idp-metadata.xml`, 'application/xml')), {'data-testid': 'ic-download-metadata'})));
}

function attributeRow(rows) {
    const key = h('input', {type: 'text', 'aria-label': t('kcawsAdminIcAbacKey'), placeholder: 'CostCenter', 'data-testid': 'ic-abac-key'});
    const userAttribute = h('input', {type: 'text', 'aria-label': t('kcawsAdminIcAbacUserAttribute'), placeholder: 'costCenter', 'data-testid': 'ic-abac-attribute'});
    const line = h('div', {class: 'kcaws-abac-row'}, h('span', {class: 'pf-v5-c-form-control'}, key), ' → ',
        h('span', {class: 'pf-v5-c-form-control'}, userAttribute), ' ',
        button(t('kcawsAdminRemove'), 'link', () => line.remove(), {'aria-label': t('kcawsAdminIcAbacRemove')}));
    line.values = () => ({key: key.value, userAttribute: userAttribute.value});
    rows.append(line);
}

function samlClientCard(current) {
    const title = t('kcawsAdminIcSamlClient');
    if (current && current.error) {
        return cardError(title, current.error, 'ic-saml-error');
    }
    if (current) {
        return card(title, clientDetails(current));
    }
    const mode = select('mode', [['metadata', t('kcawsAdminIcByMetadata')], ['urls', t('kcawsAdminIcByUrls')]], {name: 'mode', 'data-testid': 'ic-saml-mode'});
    const metadata = h('textarea', {name: 'metadata', 'data-field': 'metadata', rows: 6, 'data-testid': 'ic-metadata'});
    const file = h('input', {type: 'file', accept: '.xml,application/xml,text/xml', 'aria-label': t('kcawsAdminIcMetadataFile'),
        onchange: async () => {
            if (file.files.length > 0) {
                metadata.value = await file.files[0].text();
            }
        }});
    const acsUrl = input('acsUrl', {name: 'acsUrl', placeholder: 'https://us-east-1.signin.aws/platform/saml/acs/…'});
    const issuer = input('issuer', {name: 'issuer', placeholder: 'https://us-east-1.signin.aws/platform/saml/…'});
    const byMetadata = h('div', {}, formGroup(t('kcawsAdminIcMetadata'), metadata, t('kcawsAdminIcMetadataHelp')), file);
    const byUrls = h('div', {hidden: true}, formGroup(t('kcawsAdminIcAcsUrl'), acsUrl), formGroup(t('kcawsAdminIcIssuer'), issuer));
    const accessPortalUrl = input('accessPortalUrl', {name: 'accessPortalUrl', placeholder: 'https://d-1234567890.awsapps.com/start'});
    mode.addEventListener('change', () => {
        byMetadata.hidden = mode.value !== 'metadata';
        byUrls.hidden = mode.value === 'metadata';
    });
    const rows = h('div', {'data-field': 'attributes', tabindex: '-1'});
    const form = h('form', {class: 'pf-v5-c-form kcaws-form', 'data-testid': 'ic-saml-form', novalidate: true},
        formGroup(t('kcawsAdminIcSamlFrom'), mode), byMetadata, byUrls,
        formGroup(t('kcawsAdminIcAccessPortalUrl'), accessPortalUrl, t('kcawsAdminIcAccessPortalUrlHelp')),
        // In a form group, so an error the API names on 'attributes' shows next to the rows.
        formGroup(t('kcawsAdminIcAbac'), rows, t('kcawsAdminIcAbacNote')),
        h('div', {}, button(t('kcawsAdminIcAbacAdd'), 'secondary', () => attributeRow(rows), {'data-testid': 'ic-abac-add'})),
        submitButton(t('kcawsAdminIcSamlCreate'), 'ic-saml-create'));
    form.addEventListener('submit', (event) => {
        event.preventDefault();
        const body = samlClientBody({mode: mode.value, metadata: metadata.value, acsUrl: acsUrl.value, issuer: issuer.value,
            accessPortalUrl: accessPortalUrl.value,
            attributes: Array.from(rows.children).map(r => r.values())});
        submit(form, async () => {
            const client = await api('POST', IC('/saml-client'), body);
            // Shown again: the view now shows the client that exists, and no form for another.
            alertAfterNavigation('success', t('kcawsAdminIcSamlCreated', client.clientId));
            go('identity-center');
        });
    });
    return card(title, note(t('kcawsAdminIcSamlNote')), note(t('kcawsAdminIcNoSamlClient')), form);
}

// ---- (d) the Identity Center side as code ----

function iacCard(accounts) {
    const scope = select('accountId', [['', t('kcawsAdminIcAllAccounts')],
        ...(accounts.error ? [] : accounts).map(a => [a.id, t('kcawsAdminAccountNamed', a.name, a.id)])], {name: 'accountId'});
    const file = (kind) => `kcaws-${state.realm}-identity-center-${scope.value || 'all-accounts'}.${kind}.json`;
    const downloads = h('form', {class: 'pf-v5-c-form kcaws-form', 'data-testid': 'ic-iac-form', novalidate: true},
        formGroup(t('kcawsAdminFor'), scope),
        h('div', {class: 'pf-v5-c-form__group pf-m-action'}, h('div', {class: 'pf-v5-c-form__actions'},
            button(t('kcawsAdminTerraform'), 'secondary', () => submit(downloads, () =>
                download(`/identity-center/iac/terraform${query({accountId: scope.value})}`, file('tf'), 'application/json')),
            {'data-testid': 'ic-download-terraform'}),
            button(t('kcawsAdminCloudFormation'), 'secondary', () => submit(downloads, () =>
                download(`/identity-center/iac/cloudformation${query({accountId: scope.value})}`, file('cfn'), 'application/json')),
            {'data-testid': 'ic-download-cloudformation'}))));
    return card(t('kcawsAdminIcIac'), note(t('kcawsAdminIcIacNote')), downloads);
}
