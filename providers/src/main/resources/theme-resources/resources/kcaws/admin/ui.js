/*
 * What every view shares on the page itself: the heading, the alerts, and running a form's action
 * (errors on the form and the field the API named; nothing else changes on failure).
 */
import {api, ApiError} from './api.js';
import {SigningIn} from './auth.js';
import {h} from './dom.js';
import {t} from './i18n.js';

const el = (id) => document.getElementById(id);
let pendingAlerts = [];

export function heading(title, subtitle) {
    el('kcaws-title').textContent = title;
    el('kcaws-subtitle').textContent = subtitle;
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

/** Takes away what the last attempt said: the form's error and the page's alerts. */
export function clearMessages(form) {
    el('kcaws-alerts').replaceChildren();
    if (form) {
        form.querySelectorAll('.pf-m-error').forEach(e => e.classList.remove('pf-m-error'));
        form.querySelectorAll('[aria-invalid]').forEach(e => e.removeAttribute('aria-invalid'));
        form.querySelectorAll('.kcaws-form-error').forEach(e => e.remove());
    }
}

/** Shows an error on the form: the field the API named, and the API's message above the form. */
export function showFormError(form, error) {
    clearMessages(form);
    const message = error instanceof ApiError ? error.message : t('kcawsAdminUnexpectedError', error.message);
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
