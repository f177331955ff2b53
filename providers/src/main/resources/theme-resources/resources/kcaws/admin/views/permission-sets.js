/* The permission sets view (list, add, edit, delete) and one permission set's view (its assignments). */
import {allAssignments, api, ApiError, aws} from '../api.js';
import {button, card, details, formGroup, h, input, nextId, pickList, row, rowSearch, select, table, toolbar} from '../dom.js';
import {hoursAndMinutes} from '../format.js';
import {t} from '../i18n.js';
import {go, link} from '../router.js';
import {CUSTOM, durationChoice, durationSeconds, PRESET_HOURS} from '../session-duration.js';
import {alertAfterNavigation, confirmAndDelete, heading, showFormError, submit} from '../ui.js';
import {assignForm, assignmentTable} from './assignments.js';

function setForm(existing, onSaved, onCancel) {
    const v = existing || {};
    const name = input('permissionSet.name', {value: v.name || '', readonly: !!existing, maxlength: 32, name: 'name'});
    const description = h('textarea', {'data-field': 'permissionSet.description', rows: 2, name: 'description'});
    description.value = v.description || '';
    const duration = durationField(v.sessionDuration);
    const relay = input('permissionSet.relayState', {value: v.relayState || '', name: 'relayState', placeholder: 'https://console.aws.amazon.com/…'});
    const policies = h('textarea', {'data-field': 'permissionSet.managedPolicies', rows: 3, name: 'managedPolicies',
        placeholder: 'arn:aws:iam::aws:policy/ReadOnlyAccess'});
    policies.value = (v.managedPolicies || []).join('\n');
    const inline = h('textarea', {'data-field': 'permissionSet.inlinePolicy', rows: 6, name: 'inlinePolicy', class: 'kcaws-code', spellcheck: 'false'});
    inline.value = v.inlinePolicy || '';
    const boundary = input('permissionSet.permissionsBoundary', {value: v.permissionsBoundary || '', name: 'permissionsBoundary'});
    const form = h('form', {class: 'pf-v5-c-form pf-m-horizontal kcaws-form', 'data-testid': 'permission-set-form', novalidate: true},
        formGroup(t('kcawsAdminName'), name, t('kcawsAdminSetNameHelp')),
        formGroup(t('kcawsAdminDescription'), description),
        duration.group,
        formGroup(t('kcawsAdminRelayState'), relay, t('kcawsAdminRelayStateHelp')),
        formGroup(t('kcawsAdminManagedPolicies'), policies, t('kcawsAdminManagedPoliciesHelp')),
        formGroup(t('kcawsAdminInlinePolicy'), inline, t('kcawsAdminInlinePolicyHelp')),
        formGroup(t('kcawsAdminPermissionsBoundary'), boundary, t('kcawsAdminPermissionsBoundaryHelp')),
        h('div', {class: 'pf-v5-c-form__group pf-m-action'}, h('div', {class: 'pf-v5-c-form__actions'},
            h('button', {class: 'pf-v5-c-button pf-m-primary', type: 'submit', 'data-testid': 'save'},
                existing ? t('kcawsAdminSave') : t('kcawsAdminAddPermissionSet')),
            button(t('kcawsAdminCancel'), 'link', onCancel))));
    form.addEventListener('submit', (event) => {
        event.preventDefault();
        const seconds = duration.seconds();
        if (seconds === null) {
            showFormError(form, new ApiError(400, t('kcawsAdminSessionDurationCustomInvalid'), 'permissionSet.sessionDuration'));
            return;
        }
        const body = {
            name: name.value.trim(), description: description.value || null,
            sessionDuration: seconds,
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

/**
 * The session duration as Identity Center's console asks for it: a choice of 1, 2, 4, 8 or 12 hours,
 * or a custom duration in hours and minutes. The choice carries the API's field, so the API's
 * error on it lands under this group; `seconds()` is what to send, null when the custom fields hold
 * no whole hours and minutes.
 */
function durationField(stored) {
    const shown = durationChoice(stored);
    const choice = select('permissionSet.sessionDuration', [
        ...PRESET_HOURS.map(hrs => [String(hrs * 3600), hrs === 1 ? t('kcawsAdminOneHour') : t('kcawsAdminHoursOption', hrs)]),
        [CUSTOM, t('kcawsAdminCustomDuration')]], {name: 'sessionDuration'});
    choice.value = shown.choice;
    const part = (name, max, value, unit) => {
        const id = nextId('kcaws-f');
        return [h('span', {class: 'pf-v5-c-form-control kcaws-duration-part'},
            h('input', {id, type: 'number', name, min: 0, max, step: 1, inputmode: 'numeric', value: String(value)})),
            h('label', {for: id, class: 'kcaws-duration-unit'}, unit)];
    };
    const custom = h('div', {class: 'kcaws-duration-custom', role: 'group', 'aria-label': t('kcawsAdminCustomDuration'),
        'data-testid': 'custom-duration', hidden: shown.choice !== CUSTOM},
        part('sessionDurationHours', 12, shown.hours, t('kcawsAdminHoursUnit')),
        part('sessionDurationMinutes', 59, shown.minutes, t('kcawsAdminMinutesUnit')));
    choice.addEventListener('change', () => {
        custom.hidden = choice.value !== CUSTOM;
    });
    const group = formGroup(t('kcawsAdminSessionDuration'), choice, t('kcawsAdminSessionDurationHelp'));
    group.querySelector('.pf-v5-c-form__helper-text').before(custom);
    const [hoursField, minutesField] = custom.querySelectorAll('input');
    return {group, seconds: () => durationSeconds(choice.value, hoursField.value, minutesField.value, stored)};
}

function hours(seconds) {
    const {hours: h, minutes: m} = hoursAndMinutes(seconds);
    return m === 0 ? t('kcawsAdminHours', h) : t('kcawsAdminHoursMinutes', h, m);
}

function policySummary(s) {
    return [String((s.managedPolicies || []).length), s.inlinePolicy ? t('kcawsAdminPlusInline') : null,
        s.permissionsBoundary ? t('kcawsAdminPlusBoundary') : null].filter(p => p !== null).join(' ');
}

async function setsView() {
    heading(t('kcawsAdminNavPermissionSets'), t('kcawsAdminPermissionSetsIntro'));
    const sets = await api('GET', aws('/permission-sets'));
    const formSlot = h('div');
    const openForm = (existing) => {
        formSlot.replaceChildren(card(existing ? t('kcawsAdminEditNamed', existing.name) : t('kcawsAdminAddAPermissionSet'),
            setForm(existing, (saved) => {
                alertAfterNavigation('success', existing ? t('kcawsAdminPermissionSetSaved', saved.name) : t('kcawsAdminPermissionSetAdded', saved.name));
                go('permission-sets');
            }, () => formSlot.replaceChildren())));
        formSlot.querySelector('input:not([readonly]), textarea').focus();
    };
    return h('div', {class: 'kcaws-list'},
        toolbar(rowSearch(t('kcawsAdminSearchPermissionSets'), 'search-permission-sets'),
            button(t('kcawsAdminAddPermissionSet'), 'primary', () => openForm(null), {'data-testid': 'add-permission-set'})),
        formSlot,
        table([t('kcawsAdminName'), t('kcawsAdminDescription'), t('kcawsAdminSession'), t('kcawsAdminPolicies'), ''], sets.map(s => row([
            link(s.name, 'permission-sets', s.name, {'data-testid': 'permission-set-link'}), s.description || '—',
            hours(s.sessionDuration), policySummary(s),
            h('span', {class: 'kcaws-actions'},
                button(t('kcawsAdminEdit'), 'link', () => openForm(s), {'data-testid': 'edit'}),
                button(t('kcawsAdminDelete'), 'link', () => confirmAndDelete(
                    t('kcawsAdminDeletePermissionSetQuestion', s.name),
                    aws(`/permission-sets/${encodeURIComponent(s.name)}`),
                    () => {
                        alertAfterNavigation('success', t('kcawsAdminPermissionSetDeleted', s.name));
                        go('permission-sets');
                    }), {'data-testid': 'delete'})),
        ], {'data-testid': 'permission-set-row', 'data-name': s.name, label: t('kcawsAdminPermissionSetRow', s.name)})), t('kcawsAdminNoPermissionSets'), 'permission-sets'));
}

async function setView(name) {
    const [set, accounts, assignments] = await Promise.all([
        api('GET', aws(`/permission-sets/${encodeURIComponent(name)}`)),
        api('GET', aws('/accounts')),
        allAssignments({permissionSet: name}),
    ]);
    heading(set.name, set.description || t('kcawsAdminPermissionSetIntro'));
    const picker = pickList('accountIds', accounts.map(a => [a.id, t('kcawsAdminAccountNamed', a.name, a.id)]), t('kcawsAdminAccountsLower'));
    return h('div', {},
        card(t('kcawsAdminPermissionSet'), details([[t('kcawsAdminName'), set.name], [t('kcawsAdminDescription'), set.description],
            [t('kcawsAdminSessionDurationShort'), t('kcawsAdminDurationWithSeconds', hours(set.sessionDuration), set.sessionDuration)],
            [t('kcawsAdminRelayState'), set.relayState],
            [t('kcawsAdminManagedPoliciesShort'), (set.managedPolicies || []).length ? h('ul', {}, set.managedPolicies.map(p => h('li', {}, p))) : null],
            [t('kcawsAdminInlinePolicy'), set.inlinePolicy ? h('pre', {class: 'kcaws-code'}, set.inlinePolicy) : null],
            [t('kcawsAdminPermissionsBoundary'), set.permissionsBoundary]])),
        card(t('kcawsAdminAssignments'), assignmentTable(assignments, ['principal', 'account'], () => go('permission-sets', name), accounts)),
        card(t('kcawsAdminAssignThisPermissionSet'),
            assignForm({permissionSets: [name]}, [[t('kcawsAdminAccounts'), picker]], () => ({accountIds: picker.list.selectedValues()}),
                () => go('permission-sets', name))));
}

/** '#/{realm}/permission-sets' lists them; '#/{realm}/permission-sets/{name}' shows one. */
export function permissionSets(name) {
    return name === null ? setsView() : setView(name);
}
