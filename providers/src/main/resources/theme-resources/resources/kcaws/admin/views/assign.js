/*
 * Assign access, guided: choose accounts, permission sets and groups or users in searchable
 * checkbox lists, review exactly the assignments this makes (and which exist already), then assign
 * them in one all-or-nothing call (POST /aws/assignments/bulk). Afterwards the accounts whose IAM
 * code changed are shown with their downloads and deploy commands (iam-code-notice.js).
 * '#/{realm}/assign' starts empty; '#/{realm}/assign/{accountId}' with that account chosen.
 */
import {allAssignments, api, ApiError, aws} from '../api.js';
import {checkboxList} from '../checkbox-list.js';
import {button, card, h, row, submitButton, table} from '../dom.js';
import {query} from '../format.js';
import {t} from '../i18n.js';
import {go, link} from '../router.js';
import {alert, heading, showFormError, submit} from '../ui.js';
import {principalCell} from './assignments.js';
import {showCodeChanged} from './iam-code-notice.js';

/** Users listed before the admin types; more are found by the filter. */
const FIRST_USERS = 100;

const principalValue = (kind, name) => `${kind}:${name}`;
const principalOf = (value) => value.startsWith('group:') ? {group: value.substring(6)} : {user: value.substring(5)};

/** Every group's path, a level at a time (Keycloak lists a group's subgroups as its children). */
async function groupPaths(parent) {
    const path = parent ? `/groups/${encodeURIComponent(parent.id)}/children` : '/groups';
    const groups = await api('GET', `${path}${query({briefRepresentation: true, first: 0, max: 1000})}`);
    const paths = [];
    for (const g of groups) {
        paths.push(g.path);
        if (g.subGroupCount > 0 || (g.subGroups || []).length > 0) {
            paths.push(...await groupPaths(g));
        }
    }
    return paths;
}

const userOptions = (users) => users.map(u => [principalValue('user', u.username), t('kcawsAdminUserNamed', u.username)]);

/** The assignments the choice makes: principal × account × permission set, each marked new or existing. */
async function planned(accountIds, sets, principals) {
    const existing = new Set();
    const lists = await Promise.all(accountIds.map(accountId => allAssignments({accountId})));
    lists.flat().forEach(a => existing.add(`${a.group ? principalValue('group', a.group) : principalValue('user', a.user)}\u0000${a.accountId}\u0000${a.permissionSet}`));
    const plan = [];
    for (const p of principals) {
        for (const accountId of accountIds) {
            for (const permissionSet of sets) {
                plan.push(Object.assign({accountId, permissionSet, exists: existing.has(`${p}\u0000${accountId}\u0000${permissionSet}`)}, principalOf(p)));
            }
        }
    }
    return plan;
}

function reviewCard(plan, accounts, onBack, onAssign) {
    const names = new Map(accounts.map(a => [a.id, t('kcawsAdminAccountNamed', a.name, a.id)]));
    const fresh = plan.filter(p => !p.exists).length;
    const confirm = h('form', {class: 'pf-v5-c-form kcaws-form', 'data-testid': 'review-form', novalidate: true},
        h('p', {'data-testid': 'review-summary', tabindex: -1}, t('kcawsAdminReviewSummary', fresh, plan.length - fresh)),
        table([t('kcawsAdminGroupOrUser'), t('kcawsAdminAccount'), t('kcawsAdminPermissionSet'), t('kcawsAdminStatus')], plan.map(p => row([
            principalCell(p), names.get(p.accountId) || p.accountId, p.permissionSet,
            p.exists ? t('kcawsAdminStatusExists') : t('kcawsAdminStatusNew'),
        ], {'data-testid': 'review-row', 'data-principal': p.group || p.user, 'data-account': p.accountId, 'data-permission-set': p.permissionSet,
            'data-status': p.exists ? 'exists' : 'new'})), '', 'review'),
        fresh === 0 ? h('p', {class: 'kcaws-note'}, t('kcawsAdminNothingNew')) : null,
        h('div', {class: 'pf-v5-c-form__group pf-m-action'}, h('div', {class: 'pf-v5-c-form__actions'},
            h('button', {class: 'pf-v5-c-button pf-m-primary', type: 'submit', 'data-testid': 'assign-all', disabled: fresh === 0},
                t('kcawsAdminAssignAll', fresh)),
            button(t('kcawsAdminBack'), 'link', onBack, {'data-testid': 'review-back'}))));
    confirm.addEventListener('submit', (event) => {
        event.preventDefault();
        submit(confirm, () => onAssign(confirm));
    });
    return card(t('kcawsAdminReviewTitle'), confirm);
}

async function assignView(accountId) {
    heading(t('kcawsAdminAssignAccess'), t('kcawsAdminAssignAccessIntro'));
    const [accounts, sets, groups, users] = await Promise.all([
        api('GET', aws('/accounts')), api('GET', aws('/permission-sets')), groupPaths(null),
        api('GET', `/users${query({briefRepresentation: true, first: 0, max: FIRST_USERS})}`)]);
    const accountList = checkboxList('accountIds', t('kcawsAdminAccounts'),
        accounts.map(a => [a.id, t('kcawsAdminAccountNamed', a.name, a.id)]), accountId ? [accountId] : []);
    const setList = checkboxList('permissionSets', t('kcawsAdminPermissionSets'), sets.map(s => [s.name, s.name]));
    const principalList = checkboxList('principals', t('kcawsAdminGroupsAndUsers'),
        [...groups.map(g => [principalValue('group', g), t('kcawsAdminGroupNamed', g)]), ...userOptions(users)]);
    if (users.length >= FIRST_USERS) {
        // More users than listed: the filter asks Keycloak for the ones it names.
        let timer = null;
        principalList.filter.addEventListener('input', () => {
            clearTimeout(timer);
            const term = principalList.filter.value.trim();
            timer = setTimeout(async () => {
                if (term !== '') {
                    principalList.add(userOptions(await api('GET', `/users${query({briefRepresentation: true, search: term, max: 50})}`)));
                }
            }, 250);
        });
    }
    const reviewSlot = h('div');
    const choose = h('form', {class: 'pf-v5-c-form kcaws-form', 'data-testid': 'choose-form', novalidate: true},
        h('div', {class: 'kcaws-check-columns'}, accountList.element, setList.element, principalList.element),
        submitButton(t('kcawsAdminReview'), 'review'));
    // A changed choice needs a new review.
    [accountList, setList, principalList].forEach(l => l.onChange(() => reviewSlot.replaceChildren()));
    choose.addEventListener('submit', (event) => {
        event.preventDefault();
        const chosen = {accountIds: accountList.values(), permissionSets: setList.values(), principals: principalList.values()};
        const missing = Object.entries(chosen).filter(([, values]) => values.length === 0)
            .map(([field]) => ({field, key: null, params: [], message: t('kcawsAdminChooseAtLeastOne')}));
        if (missing.length > 0) {
            showFormError(choose, new ApiError(400, t('kcawsAdminChooseAtLeastOne'), missing[0].field, missing));
            return;
        }
        submit(choose, async () => {
            const plan = await planned(chosen.accountIds, chosen.permissionSets, chosen.principals);
            const review = reviewCard(plan, accounts, () => {
                reviewSlot.replaceChildren();
                choose.querySelector('[data-testid=review]').focus();
            }, async () => {
                const principals = chosen.principals.map(principalOf);
                const result = await api('POST', aws('/assignments/bulk'), {
                    groups: principals.filter(p => p.group).map(p => p.group),
                    users: principals.filter(p => p.user).map(p => p.user),
                    accountIds: chosen.accountIds, permissionSets: chosen.permissionSets});
                const said = result.alreadyAssigned ? t('kcawsAdminAssignedSomeThere', result.granted, result.alreadyAssigned)
                    : t('kcawsAdminAssigned', result.granted);
                reviewSlot.replaceChildren(card(t('kcawsAdminAssignDone'), h('p', {'data-testid': 'assign-result'}, said),
                    h('p', {}, chosen.accountIds.map(id => h('span', {class: 'kcaws-done-link'}, link(t('kcawsAdminOpenAccount', id), 'accounts', id)))),
                    button(t('kcawsAdminAssignMore'), 'secondary', () => go('assign'), {'data-testid': 'assign-more'})));
                alert('success', said);
                await showCodeChanged(result.iamCodeChanged);
                document.getElementById('kcaws-alerts').scrollIntoView();
            });
            reviewSlot.replaceChildren(review);
            review.querySelector('[data-testid=review-summary]').focus();
        });
    });
    return h('div', {}, card(t('kcawsAdminChoose'), choose), reviewSlot);
}

/** '#/{realm}/assign[/{accountId}]' */
export function assign(accountId) {
    return assignView(accountId);
}

/** A button that opens the guided assignment (for one account: with it chosen). */
export function assignAccessButton(accountId) {
    return button(t('kcawsAdminAssignAccess'), 'secondary', () => go('assign', accountId), {'data-testid': 'assign-access'});
}
