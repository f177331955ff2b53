/* The AWS accounts view (list, add, edit, delete) and one account's view (its assignments). */
import {allAssignments, api, aws} from '../api.js';
import {button, card, details, formGroup, h, input, pickList, row, rowSearch, select, table, toolbar} from '../dom.js';
import {t} from '../i18n.js';
import {go, link} from '../router.js';
import {state} from '../state.js';
import {alertAfterNavigation, confirmAndDelete, heading, submit} from '../ui.js';
import {accountAccessTable, reviewDownloads, reviewRows} from './access-review.js';
import {assignAccessButton} from './assign.js';
import {assignForm, assignmentTable} from './assignments.js';
import {deploymentOf, deploymentPanel} from './iam-code-notice.js';

const PARTITIONS = ['aws', 'aws-us-gov', 'aws-cn'];

function accountForm(existing, onSaved, onCancel) {
    const id = input('accountId', {value: existing ? existing.id : '', readonly: !!existing, inputmode: 'numeric', maxlength: 12, name: 'id'});
    const name = input('account.name', {value: existing ? existing.name : '', name: 'name'});
    const partition = select('account.partition', PARTITIONS.map(p => [p, t(`kcawsAdminPartition.${p}`)]), {name: 'partition'});
    partition.value = existing ? existing.partition : 'aws';
    const region = input('account.region', {value: existing && existing.region ? existing.region : '', name: 'region', placeholder: 'us-east-1'});
    const provider = input('account.samlProvider', {value: existing ? existing.samlProvider : 'keycloak', name: 'samlProvider'});
    const form = h('form', {class: 'pf-v5-c-form pf-m-horizontal kcaws-form', 'data-testid': 'account-form', novalidate: true},
        formGroup(t('kcawsAdminAccountId'), id, t('kcawsAdminAccountIdHelp')),
        formGroup(t('kcawsAdminName'), name),
        formGroup(t('kcawsAdminPartition'), partition),
        formGroup(t('kcawsAdminRegion'), region, t('kcawsAdminRegionHelp')),
        formGroup(t('kcawsAdminSamlProvider'), provider, t('kcawsAdminSamlProviderHelp')),
        h('div', {class: 'pf-v5-c-form__group pf-m-action'}, h('div', {class: 'pf-v5-c-form__actions'},
            h('button', {class: 'pf-v5-c-button pf-m-primary', type: 'submit', 'data-testid': 'save'},
                existing ? t('kcawsAdminSave') : t('kcawsAdminAddAccount')),
            button(t('kcawsAdminCancel'), 'link', onCancel))));
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
    heading(t('kcawsAdminNavAccounts'), t('kcawsAdminAccountsIntro', state.realm));
    const accounts = await api('GET', aws('/accounts'));
    const formSlot = h('div');
    const openForm = (existing) => {
        formSlot.replaceChildren(card(existing ? t('kcawsAdminEditNamed', existing.name) : t('kcawsAdminAddAnAccount'),
            accountForm(existing, (saved) => {
                alertAfterNavigation('success', existing ? t('kcawsAdminAccountSaved', saved.id, saved.name) : t('kcawsAdminAccountAdded', saved.id, saved.name));
                go('accounts');
            }, () => formSlot.replaceChildren())));
        formSlot.querySelector('input:not([readonly])').focus();
    };
    return h('div', {class: 'kcaws-list'},
        toolbar(rowSearch(t('kcawsAdminSearchAccounts'), 'search-accounts'),
            button(t('kcawsAdminAddAccount'), 'primary', () => openForm(null), {'data-testid': 'add-account'}),
            assignAccessButton(null)),
        formSlot,
        table([t('kcawsAdminAccountId'), t('kcawsAdminName'), t('kcawsAdminPartition'), t('kcawsAdminRegion'), t('kcawsAdminSamlProvider'), ''],
            accounts.map(a => row([
                link(a.id, 'accounts', a.id, {'data-testid': 'account-link'}), a.name, a.partition, a.region || '—', a.samlProvider,
                h('span', {class: 'kcaws-actions'},
                    button(t('kcawsAdminEdit'), 'link', () => openForm(a), {'data-testid': 'edit'}),
                    button(t('kcawsAdminDelete'), 'link', () => confirmAndDelete(
                        t('kcawsAdminDeleteAccountQuestion', a.id, a.name),
                        aws(`/accounts/${encodeURIComponent(a.id)}`),
                        () => {
                            alertAfterNavigation('success', t('kcawsAdminAccountDeleted', a.id));
                            go('accounts');
                        }), {'data-testid': 'delete'})),
            ], {'data-testid': 'account-row', 'data-id': a.id, label: t('kcawsAdminAccountRow', a.name)})), t('kcawsAdminNoAccounts'), 'accounts'),
        card(t('kcawsAdminAccessReview'), h('p', {}, t('kcawsAdminAccessReviewIntro')), reviewDownloads(null)));
}

async function accountView(id) {
    const [account, sets, assignments, reachers, deployment] = await Promise.all([
        api('GET', aws(`/accounts/${encodeURIComponent(id)}`)),
        api('GET', aws('/permission-sets')),
        allAssignments({accountId: id}),
        reviewRows({account: id}),
        deploymentOf(id),
    ]);
    heading(t('kcawsAdminAccountNamed', account.name, account.id), t('kcawsAdminAccountIntro'));
    const picker = pickList('permissionSets', sets.map(s => [s.name, s.name]), t('kcawsAdminPermissionSetsLower'));
    return h('div', {},
        card(t('kcawsAdminAccount'), details([[t('kcawsAdminAccountId'), account.id], [t('kcawsAdminName'), account.name],
            [t('kcawsAdminPartition'), account.partition], [t('kcawsAdminRegion'), account.region], [t('kcawsAdminSamlProvider'), account.samlProvider]])),
        card(t('kcawsAdminAssignments'), assignmentTable(assignments, ['principal', 'permissionSet'], () => go('accounts', id), [account])),
        card(t('kcawsAdminWhoReaches'), reviewDownloads(id), accountAccessTable(reachers)),
        card(t('kcawsAdminAssignInAccount'),
            assignForm({accountIds: [id]}, [[t('kcawsAdminPermissionSets'), picker]], () => ({permissionSets: picker.list.selectedValues()}),
                () => go('accounts', id)), h('p', {}, assignAccessButton(id))),
        card(t('kcawsAdminAccountCode'), h('p', {'data-testid': 'account-code-sets'}, deployment.permissionSets.length > 0
            ? t('kcawsAdminAccountCodeIntro', deployment.permissionSets.join(', ')) : t('kcawsAdminAccountCodeEmpty')),
        deploymentPanel(deployment)));
}

/** '#/{realm}/accounts' lists them; '#/{realm}/accounts/{id}' shows one. */
export function accounts(id) {
    return id === null ? accountsView() : accountView(id);
}
