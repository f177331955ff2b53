/*
 * The AWS clients card (each client, which one serves a partition's shortcut links and access
 * keys, Make default) and the form that creates one from the template.
 */
import {api, ApiError, aws} from '../api.js';
import {button, card, formGroup, h, input, note, row, submitButton, table} from '../dom.js';
import {t} from '../i18n.js';
import {go} from '../router.js';
import {state} from '../state.js';
import {act, alertAfterNavigation, submit} from '../ui.js';

const ENDPOINTS = ['global', 'aws-us-gov', 'aws-cn', 'us-east-1', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-northeast-2', 'ap-southeast-2'];

/** The clients of the realm, or null when the admin may not view clients there. */
export function loadClients() {
    return api('GET', aws('/clients')).catch(e => e instanceof ApiError && e.status === 403 ? null : Promise.reject(e));
}

export function loadDefaults() {
    return api('GET', aws('/clients/defaults'));
}

function consoleLink(client) {
    const cfg = state.cfg;
    return h('a', {href: `${cfg.serverUrl}/admin/${encodeURIComponent(cfg.loginRealm)}/console/#/`
            + `${encodeURIComponent(state.realm)}/clients/${encodeURIComponent(client.id)}/settings`}, client.clientId);
}

function makeDefault(client) {
    return act(async () => {
        await api('PUT', aws(`/clients/${encodeURIComponent(client.id)}/default`));
        alertAfterNavigation('success', t('kcawsAdminClientMadeDefault', client.partition, client.clientId));
        go('setup');
    });
}

/** Which client serves a partition's one-role logins: the default, the only one, or a button to choose. */
function servingCell(c) {
    if (c.servesShortcuts) {
        return h('span', {'data-testid': 'default-client'}, c.defaultClient ? t('kcawsAdminDefault') : t('kcawsAdminServesOnlyClient'));
    }
    return c.enabled && c.idpInitiatedUrl
        ? button(t('kcawsAdminMakeDefault'), 'secondary', () => makeDefault(c), {'data-testid': 'make-default-client'})
        : '—';
}

export function clientsCard(clients, defaults) {
    const problems = defaults.filter(d => d.problem && d.problem !== 'NONE').map(d =>
        h('div', {class: 'pf-v5-c-alert pf-m-inline pf-m-warning', 'data-testid': 'client-default-problem', 'data-partition': d.partition},
            h('p', {class: 'pf-v5-c-alert__title'}, d.message)));
    const clientList = clients === null
        ? note(t('kcawsAdminMayNotViewClients'))
        : table([t('kcawsAdminClient'), t('kcawsAdminPartition'), t('kcawsAdminSigninEndpoint'), t('kcawsAdminIdpInitiatedUrl'),
            t('kcawsAdminShortcutsAndKeys'), ''], clients.map(c => row([
            consoleLink(c), c.partition, c.signinEndpoint || '—', c.idpInitiatedUrl || '—', servingCell(c), c.enabled ? '' : t('kcawsAdminDisabled'),
        ], {'data-testid': 'aws-client-row', 'data-client-id': c.clientId, label: t('kcawsAdminClientRow', c.clientId)})), t('kcawsAdminNoClients'), 'aws-clients');
    return card(t('kcawsAdminAwsClients'), problems, note(t('kcawsAdminClientsNote')), clientList);
}

export function createClientCard() {
    const endpoint = input('endpoint', {name: 'endpoint', value: 'global', list: 'kcaws-endpoints'});
    const endpoints = h('datalist', {id: 'kcaws-endpoints'}, ENDPOINTS.map(v => h('option', {value: v})));
    const clientId = input('clientId', {name: 'clientId', placeholder: 'urn:amazon:webservices'});
    const urlName = input('urlName', {name: 'urlName', placeholder: 'amazon-aws'});
    const name = input('name', {name: 'name', placeholder: 'Amazon Web Services'});
    const form = h('form', {class: 'pf-v5-c-form pf-m-horizontal kcaws-form', 'data-testid': 'client-form', novalidate: true},
        formGroup(t('kcawsAdminSigninEndpoint'), endpoint, t('kcawsAdminSigninEndpointHelp')), endpoints,
        formGroup(t('kcawsAdminClientId'), clientId, t('kcawsAdminClientIdHelp')),
        formGroup(t('kcawsAdminUrlName'), urlName, t('kcawsAdminOptional')),
        formGroup(t('kcawsAdminName'), name, t('kcawsAdminOptional')),
        submitButton(t('kcawsAdminCreateClient'), 'create-client'));
    form.addEventListener('submit', (event) => {
        event.preventDefault();
        const body = {endpoint: endpoint.value.trim() || null, clientId: clientId.value.trim() || null,
            urlName: urlName.value.trim() || null, name: name.value.trim() || null};
        submit(form, async () => {
            const client = await api('POST', aws('/clients'), body);
            alertAfterNavigation('success', t('kcawsAdminClientCreated', client.clientId));
            go('setup');
        });
    });
    return card(t('kcawsAdminCreateAClient'), note(t('kcawsAdminCreateClientNote')), form);
}
