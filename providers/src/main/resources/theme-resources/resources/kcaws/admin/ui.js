/*
 * What every view shares on the page itself: the heading, the alerts, and running a form's action
 * (errors on the form and the field the API named; nothing else changes on failure).
 */
import {api, ApiError} from './api.js';
import {SigningIn} from './auth.js';
import {h, nextId} from './dom.js';
import {errorText, placeErrors} from './form-errors.js';
import {pattern, t} from './i18n.js';
import {state} from './state.js';

const el = (id) => document.getElementById(id);
let pendingAlerts = [];

/** The view's heading, and the browser tab's title after it ("AWS accounts · acme · AWS access"). */
export function heading(title, subtitle) {
    el('kcaws-title').textContent = title;
    el('kcaws-subtitle').textContent = subtitle;
    document.title = t('kcawsAdminDocumentTitle', title, state.realm);
}

export function alert(kind, text) {
    el('kcaws-alerts').append(h('li', {class: 'pf-v5-c-alert-group__item'},
        h('div', {class: `pf-v5-c-alert pf-m-inline pf-m-${kind}`, 'data-testid': `alert-${kind}`},
            h('p', {class: 'pf-v5-c-alert__title'}, text))));
}

/** An alert that survives the navigation the action is about to make. */
export function alertAfterNavigation(kind, text) {
    pendingAlerts.push([kind, text]);
}

/** Shows the alerts kept for the view just opened. */
export function showPendingAlerts() {
    el('kcaws-alerts').replaceChildren();
    pendingAlerts.forEach(([kind, text]) => alert(kind, text));
    pendingAlerts = [];
}

/** Takes away what the last attempt said: the form's errors and the page's alerts. */
export function clearMessages(form) {
    el('kcaws-alerts').replaceChildren();
    if (form) {
        form.querySelectorAll('.pf-m-error').forEach(e => e.classList.remove('pf-m-error'));
        form.querySelectorAll('[aria-invalid]').forEach(e => e.removeAttribute('aria-invalid'));
        form.querySelectorAll('[data-kcaws-described-by]').forEach(e => {
            const before = e.getAttribute('data-kcaws-described-by');
            if (before) {
                e.setAttribute('aria-describedby', before);
            } else {
                e.removeAttribute('aria-describedby');
            }
            e.removeAttribute('data-kcaws-described-by');
        });
        form.querySelectorAll('.kcaws-form-error').forEach(e => e.remove());
    }
}

/** The form's label of a control: its <label for>, else its aria-label, else the API's field name. */
function labelOf(form, control, field) {
    const label = control.id ? form.querySelector(`label[for="${CSS.escape(control.id)}"]`) : null;
    return (label && label.textContent.trim()) || control.getAttribute('aria-label') || field;
}

/**
 * Shows a failure on the form, in the admin's language: each invalid field's error under its
 * control (tied to it by aria-describedby, the control marked aria-invalid), focus on the first
 * one; above the form, the errors of fields the form does not have (and a 403, 409, …) and a
 * summary naming each invalid field by its label.
 */
export function showFormError(form, error) {
    clearMessages(form);
    const errors = error instanceof ApiError ? error.errors
        : [{field: null, key: null, params: [], message: t('kcawsAdminUnexpectedError', error.message)}];
    const controlOf = (field) => form.querySelector(`[data-field="${CSS.escape(field)}"]`);
    const {onFields, atTop} = placeErrors(errors, controlOf);
    const controls = [...onFields.keys()].sort((a, b) => a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1);
    const summary = [];
    for (const control of controls) {
        const texts = onFields.get(control).map(e => errorText(e, pattern));
        const label = labelOf(form, control, onFields.get(control)[0].field);
        texts.forEach(text => summary.push(t('kcawsAdminFieldError', label, text)));
        const id = nextId('kcaws-err');
        const before = control.getAttribute('aria-describedby') || '';
        control.setAttribute('data-kcaws-described-by', before);
        control.setAttribute('aria-describedby', (before ? `${before} ` : '') + id);
        control.setAttribute('aria-invalid', 'true');
        control.closest('.pf-v5-c-form-control')?.classList.add('pf-m-error');
        const helper = control.closest('.pf-v5-c-form__group-control')?.querySelector('.pf-v5-c-helper-text');
        const item = h('div', {class: 'pf-v5-c-helper-text__item pf-m-error kcaws-form-error', id, 'data-testid': 'field-error'},
            h('span', {class: 'pf-v5-c-helper-text__item-text'}, texts.join(' ')));
        if (helper) {
            helper.append(item);
        } else {
            control.after(item);
        }
    }
    // No label for these: a translated rule is named by the API's field, an untranslated one is the API's text as it is.
    const top = atTop.map(e => !e.key ? e.message : e.field ? t('kcawsAdminFieldError', e.field, errorText(e, pattern)) : errorText(e, pattern));
    const title = summary.length > 0 ? t('kcawsAdminFormHasErrors') : top.shift();
    const items = [...summary, ...top];
    form.prepend(h('div', {class: 'pf-v5-c-alert pf-m-inline pf-m-danger kcaws-form-error', 'data-testid': 'form-error', role: 'alert'},
        h('p', {class: 'pf-v5-c-alert__title'}, title),
        items.length > 0 ? h('div', {class: 'pf-v5-c-alert__description'}, h('ul', {}, items.map(text => h('li', {}, text)))) : null));
    if (controls.length > 0) {
        controls[0].focus();
    }
}

/** Runs an action from a form: errors go on the form; nothing else changes on failure. */
export async function submit(form, action) {
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

/** Runs an action from a button outside a form: its error as a page alert. */
export async function act(action) {
    clearMessages(null);
    try {
        await action();
    } catch (e) {
        if (!(e instanceof SigningIn)) {
            alert('danger', e.message);
        }
    }
}

export async function confirmAndDelete(question, path, done) {
    if (!window.confirm(question)) {
        return;
    }
    await act(async () => {
        await api('DELETE', path);
        done();
    });
}
