/*
 * The bundle's admin API (/admin/realms/{realm}/aws/...) and the few Keycloak admin endpoints the
 * page reads, with the admin's own token: the API's permission checks, validation and admin
 * events apply exactly as for curl. Failures carry the API's own message, the field it names, and
 * each error's message key and values (shown in the admin's language by ui.js).
 */
import {accessToken, signInAgain} from './auth.js';
import {apiErrors, errorLine} from './form-errors.js';
import {query} from './format.js';
import {pattern, t} from './i18n.js';
import {state} from './state.js';

const PAGE = 1000;

/**
 * A refused call: its status, its message (the API's first error in the admin's language when the page
 * has its text, else the API's English one) and field, and every error it listed ({field, key, params,
 * message}, see form-errors.js), which the page shows in the admin's language.
 */
export class ApiError extends Error {
    constructor(status, message, field, errors) {
        super(message);
        this.status = status;
        this.field = field;
        this.errors = errors && errors.length > 0 ? errors : [{field: field || null, key: null, params: [], message}];
    }
}

/** '/aws/accounts' for '/accounts': the bundle's API under the realm. */
export const aws = (path) => `/aws${path}`;

/** One call under /admin/realms/{the chosen realm}; the parsed JSON (or text with raw, a Blob with blob) on success. */
export async function api(method, path, body, options) {
    const token = await accessToken();
    const realm = state.realm;
    const response = await fetch(`${state.cfg.serverUrl}/admin/realms/${encodeURIComponent(realm)}${path}`, {
        method,
        headers: Object.assign({Authorization: `Bearer ${token}`}, body === undefined ? {} : {'Content-Type': 'application/json'}),
        body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (response.ok && options && options.blob) {
        return response.blob();
    }
    const text = await response.text();
    if (response.ok) {
        if (options && options.raw) {
            return text;
        }
        return text && (response.headers.get('Content-Type') || '').includes('json') ? JSON.parse(text) : text;
    }
    if (response.status === 401) {
        return signInAgain();
    }
    let message = text;
    let field = null;
    let errors = [];
    try {
        const json = JSON.parse(text);
        message = json.errorMessage || json.error_description || json.error || text;
        field = json.field || null;
        errors = apiErrors(json);
        // In the admin's language when the page has the error's text (a 404 or 409 shown outside a form too).
        message = errorLine(errors[0], pattern, (name, text) => t('kcawsAdminFieldError', name, text)) ?? message;
    } catch (ignored) {
        // not JSON: the text itself
    }
    if (response.status === 403) {
        message = message ? t('kcawsAdminForbiddenWithReason', realm, message) : t('kcawsAdminForbidden', realm);
        errors = [];
        field = null;
    }
    throw new ApiError(response.status, message || `${response.status} ${response.statusText}`, field, errors);
}

/** Every assignment matching the filter, page by page. */
export async function allAssignments(filter) {
    const result = [];
    for (let first = 0; ; first += PAGE) {
        const page = await api('GET', aws(`/assignments${query(Object.assign({first, max: PAGE}, filter))}`));
        result.push(...page);
        if (page.length < PAGE) {
            return result;
        }
    }
}

/** The names of the realms the signed-in admin may view (Keycloak's own realm list). */
export async function viewableRealms(user) {
    const response = await fetch(`${state.cfg.serverUrl}/admin/realms?briefRepresentation=true`,
        {headers: {Authorization: `Bearer ${await accessToken()}`}});
    if (!response.ok) {
        throw new Error(response.status === 403 ? t('kcawsAdminNotAnAdmin', user) : t('kcawsAdminRealmsNotListed', response.status));
    }
    const realms = (await response.json()).map(r => r.realm).sort();
    if (realms.length === 0) {
        throw new Error(t('kcawsAdminNoRealm', user));
    }
    return realms;
}
