/*
 * Assignments, as every view shows them: the table of (group or user, account, permission set)
 * with Remove, and the bulk form that assigns the picked accounts × permission sets to one group
 * or user in one call (all granted or, on any error, none), optionally from a start and until an
 * end (a time-bound assignment; the times are the browser's, sent as UTC instants).
 */
import {api, ApiError, aws} from '../api.js';
import {button, formGroup, h, input, nextId, select, submitButton, table, row} from '../dom.js';
import {groupPath, groupPaths, query} from '../format.js';
import {t} from '../i18n.js';
import {link} from '../router.js';
import {alertAfterNavigation, confirmAndDelete, showFormError, submit} from '../ui.js';
import {showCodeChanged, showIfRoleRemoved} from './iam-code-notice.js';

export function principalCell(a) {
    return a.group
        ? h('span', {}, h('span', {class: 'pf-v5-c-label pf-m-compact pf-m-blue kcaws-kind'},
            h('span', {class: 'pf-v5-c-label__content'}, t('kcawsAdminGroup'))), ' ', link(a.group, 'groups', a.group))
        : h('span', {}, h('span', {class: 'pf-v5-c-label pf-m-compact pf-m-green kcaws-kind'},
            h('span', {class: 'pf-v5-c-label__content'}, t('kcawsAdminUser'))), ' ', link(a.user, 'users', a.user));
}

/**
 * Assignments, showing the given columns (principal, account, permissionSet), each with Remove;
 * accounts by name when the caller has the account list.
 */
export function assignmentTable(assignments, columns, afterRemove, accounts) {
    const headers = {principal: t('kcawsAdminGroupOrUser'), account: t('kcawsAdminAccount'), permissionSet: t('kcawsAdminPermissionSet')};
    const names = new Map((accounts || []).map(a => [a.id, a.name]));
    const accountText = (id) => names.has(id) ? t('kcawsAdminAccountNamed', names.get(id), id) : id;
    return table([...columns.map(c => headers[c]), t('kcawsAdminWindow'), ''], assignments.map(a => row([
        ...columns.map(c => c === 'principal' ? principalCell(a)
            : c === 'account' ? link(accountText(a.accountId), 'accounts', a.accountId) : link(a.permissionSet, 'permission-sets', a.permissionSet)),
        h('span', {'data-testid': 'window'}, windowText(a)),
        button(t('kcawsAdminRemove'), 'link', () => confirmAndDelete(
            a.group ? t('kcawsAdminRemoveFromGroup', a.permissionSet, a.accountId, a.group) : t('kcawsAdminRemoveFromUser', a.permissionSet, a.accountId, a.user),
            aws(`/assignments${query({group: a.group, user: a.user, accountId: a.accountId, permissionSet: a.permissionSet})}`),
            () => {
                alertAfterNavigation('success', t('kcawsAdminAssignmentRemoved', a.group || a.user, a.accountId, a.permissionSet));
                afterRemove();
                // The view reloads in place (its alerts shown already): the notice goes below them.
                return showIfRoleRemoved(a.accountId, a.permissionSet);
            }), {'data-testid': 'remove'}),
    ], {'data-testid': 'assignment-row', 'data-principal': a.group || a.user, 'data-account': a.accountId, 'data-permission-set': a.permissionSet,
        label: t('kcawsAdminAssignmentRow', a.permissionSet, a.group || a.user, accountText(a.accountId))})),
    t('kcawsAdminNoAssignments'), 'assignments');
}

/** A time-bound assignment's window in the browser's time zone; empty for a permanent one. */
export function windowText(a) {
    const local = (iso) => new Date(iso).toLocaleString();
    return [a.notBefore ? t('kcawsAdminWindowFrom', local(a.notBefore)) : null,
        a.notAfter ? t('kcawsAdminWindowUntil', local(a.notAfter)) : null].filter(Boolean).join(' ');
}

/** A datetime-local value (the browser's time) as a UTC instant; undefined when empty, null when not a time. */
function instant(field) {
    const value = field.value.trim();
    if (value === '') {
        return undefined;
    }
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** The kind select (group or user) of the assignment and principal forms. */
export function principalKindSelect() {
    return select('principalKind', [['group', t('kcawsAdminGroup')], ['user', t('kcawsAdminUser')]], {name: 'principalKind'});
}

/** Suggestions for a group path or a username, from Keycloak's own admin API, as the admin types. */
export function principalInput(kindSelect) {
    const listId = nextId('kcaws-principals-');
    const datalist = h('datalist', {id: listId});
    const field = input('principal', {list: listId, name: 'principal', placeholder: t('kcawsAdminPrincipalPlaceholder')});
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
                    ? groupPaths(await api('GET', `/groups${query({search: term, briefRepresentation: true, max: 20})}`))
                    : (await api('GET', `/users${query({search: term, briefRepresentation: true, max: 20})}`)).map(u => u.username);
                datalist.replaceChildren(...names.slice(0, 20).map(n => h('option', {value: n})));
            } catch (ignored) {
                // suggestions only
            }
        }, 250);
    });
    return {field, datalist};
}

/**
 * The bulk assignment form: the fixed part (e.g. this account) × the picked part × a group or user
 * (`principal` = [kind, name] when the view is that principal's).
 */
export function assignForm(fixed, pickers, picked, done, principal) {
    const kind = principalKindSelect();
    const who = principalInput(kind);
    const groups = [];
    if (!principal) {
        groups.push(formGroup(t('kcawsAdminAssignTo'), kind), formGroup(t('kcawsAdminPrincipal'), who.field), who.datalist);
    }
    for (const [label, picker] of pickers) {
        groups.push(formGroup(label, picker.list, t('kcawsAdminPickHelp')));
        picker.list.closest('.pf-v5-c-form__group-control').prepend(picker.filter);
    }
    const starts = input('notBefore', {type: 'datetime-local', name: 'notBefore'});
    const ends = input('notAfter', {type: 'datetime-local', name: 'notAfter'});
    groups.push(formGroup(t('kcawsAdminStarts'), starts, t('kcawsAdminWindowHelp')), formGroup(t('kcawsAdminEnds'), ends, t('kcawsAdminWindowHelp')));
    const form = h('form', {class: 'pf-v5-c-form pf-m-horizontal kcaws-form', 'data-testid': 'assign-form', novalidate: true}, groups,
        submitButton(t('kcawsAdminAssign'), 'assign'));
    form.addEventListener('submit', (event) => {
        event.preventDefault();
        const [k, name] = principal || [kind.value, who.field.value.trim()];
        const body = Object.assign({groups: [], users: []}, fixed, picked());
        if (name === '') {
            showFormError(form, new ApiError(400, t('kcawsAdminNamePrincipal'), 'principal'));
            return;
        }
        body[k === 'group' ? 'groups' : 'users'] = [k === 'group' ? groupPath(name) : name];
        for (const [field, control] of [['notBefore', starts], ['notAfter', ends]]) {
            const value = instant(control);
            if (value === null) {
                showFormError(form, new ApiError(400, t('kcawsAdminBadTime'), field));
                return;
            }
            if (value !== undefined) {
                body[field] = value;
            }
        }
        submit(form, async () => {
            const result = await api('POST', aws('/assignments/bulk'), body);
            alertAfterNavigation('success', result.alreadyAssigned
                ? t('kcawsAdminAssignedSomeThere', result.granted, result.alreadyAssigned) : t('kcawsAdminAssigned', result.granted));
            done();
            // done() reloads this view in place, its alerts shown already: the next step goes below them.
            await showCodeChanged(result.iamCodeChanged);
        });
    });
    return form;
}
