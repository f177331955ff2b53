/* The groups-and-users view (everyone with AWS access) and one group's or user's view. */
import {allAssignments, api, aws} from '../api.js';
import {card, formGroup, h, pickList, row, submitButton, table} from '../dom.js';
import {groupPath} from '../format.js';
import {t} from '../i18n.js';
import {go} from '../router.js';
import {heading} from '../ui.js';
import {reviewRows, userAccessTable} from './access-review.js';
import {assignForm, assignmentTable, principalCell, principalInput, principalKindSelect} from './assignments.js';

async function principalsView() {
    heading(t('kcawsAdminNavPrincipals'), t('kcawsAdminPrincipalsIntro'));
    const assignments = await allAssignments({});
    const counts = new Map();
    for (const a of assignments) {
        const key = a.group ? `group\u0000${a.group}` : `user\u0000${a.user}`;
        counts.set(key, (counts.get(key) || 0) + 1);
    }
    const kind = principalKindSelect();
    const who = principalInput(kind);
    const form = h('form', {class: 'pf-v5-c-form pf-m-horizontal kcaws-form', 'data-testid': 'principal-form', novalidate: true},
        formGroup(t('kcawsAdminKind'), kind), formGroup(t('kcawsAdminPrincipal'), who.field), who.datalist,
        submitButton(t('kcawsAdminOpen'), 'open-principal'));
    form.addEventListener('submit', (event) => {
        event.preventDefault();
        const name = who.field.value.trim();
        if (name !== '') {
            go(kind.value === 'group' ? 'groups' : 'users', kind.value === 'group' ? groupPath(name) : name);
        }
    });
    const rows = Array.from(counts.entries()).map(([key, count]) => {
        const [k, name] = key.split('\u0000');
        return row([principalCell(k === 'group' ? {group: name} : {user: name}), String(count)],
            {'data-testid': 'principal-row', 'data-principal': name});
    });
    return h('div', {}, card(t('kcawsAdminOpenPrincipal'), form),
        card(t('kcawsAdminWithAccess'), table([t('kcawsAdminGroupOrUser'), t('kcawsAdminAssignments')], rows, t('kcawsAdminNoPrincipals'), 'principals')));
}

async function principalView(kind, name) {
    const filter = kind === 'group' ? {group: name} : {user: name};
    const [assignments, accounts, sets, held] = await Promise.all([
        allAssignments(filter), api('GET', aws('/accounts')), api('GET', aws('/permission-sets')),
        kind === 'user' ? reviewRows({user: name}) : Promise.resolve(null)]);
    heading(kind === 'group' ? t('kcawsAdminGroupNamed', name) : t('kcawsAdminUserNamed', name),
        kind === 'group' ? t('kcawsAdminGroupIntro') : t('kcawsAdminUserIntro'));
    const view = kind === 'group' ? 'groups' : 'users';
    const accountPicker = pickList('accountIds', accounts.map(a => [a.id, t('kcawsAdminAccountNamed', a.name, a.id)]), t('kcawsAdminAccountsLower'));
    const setPicker = pickList('permissionSets', sets.map(s => [s.name, s.name]), t('kcawsAdminPermissionSetsLower'));
    return h('div', {},
        card(t('kcawsAdminAssignments'), assignmentTable(assignments, ['account', 'permissionSet'], () => go(view, name), accounts)),
        held === null ? null : card(t('kcawsAdminUserHolds'), userAccessTable(held)),
        card(t('kcawsAdminAssign'), assignForm({}, [[t('kcawsAdminAccounts'), accountPicker], [t('kcawsAdminPermissionSets'), setPicker]],
            () => ({accountIds: accountPicker.list.selectedValues(), permissionSets: setPicker.list.selectedValues()}),
            () => go(view, name), [kind, name])));
}

/** '#/{realm}/principals': everyone with access. */
export function principals() {
    return principalsView();
}

/** '#/{realm}/groups/{path}' */
export function group(path) {
    return principalView('group', path);
}

/** '#/{realm}/users/{username}' */
export function user(username) {
    return principalView('user', username);
}
