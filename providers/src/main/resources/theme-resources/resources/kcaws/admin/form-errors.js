/*
 * Pure helpers (no DOM, no network) for the admin API's errors: Keycloak's ErrorRepresentation,
 * each invalid field with its English errorMessage ("field: rule") and, for a broken rule, its
 * messageKey and params, which the page says in the admin's language. Unit-tested with `node --test`.
 */
import {formatMessage} from './format.js';

/** Every error of an answer's body: {field, key, params, message}, the listed ones or the one at the top. */
export function apiErrors(json) {
    if (!json || typeof json !== 'object') {
        return [];
    }
    const listed = Array.isArray(json.errors) && json.errors.length > 0 ? json.errors : [json];
    return listed.filter(e => e && typeof e === 'object' && (e.errorMessage || e.messageKey)).map(e => ({
        field: typeof e.field === 'string' && e.field !== '' ? e.field : null,
        key: typeof e.messageKey === 'string' ? e.messageKey : null,
        params: Array.isArray(e.params) ? e.params : [],
        message: String(e.errorMessage || ''),
    }));
}

/**
 * What to show for one error, without the field's name (the page names it by its label): the
 * rule's text in the admin's language when the page has it (`lookup(key)` gives the pattern),
 * otherwise the API's English text without its "field: " prefix.
 */
export function errorText(error, lookup) {
    const said = error.key ? saidIn(error.key, error.params, lookup) : undefined;
    if (said !== undefined) {
        return said;
    }
    const prefix = error.field ? `${error.field}: ` : null;
    return prefix && error.message.startsWith(prefix) ? error.message.substring(prefix.length) : error.message;
}

/**
 * The error as one line in the admin's language, the field's API name first when it names one (as the
 * API's errorMessage does), or undefined when the page lacks its text.
 */
export function errorLine(error, lookup, fieldError) {
    const said = error && error.key ? saidIn(error.key, error.params, lookup) : undefined;
    return said === undefined || !error.field ? said : fieldError(error.field, said);
}

/**
 * Message `key` filled with `params`; a value that is itself a rule's text ({messageKey, params}: a rule
 * broken in a part of the field) is said in the same language. Undefined when any text is missing.
 */
function saidIn(key, params, lookup) {
    const pattern = lookup(key);
    if (typeof pattern !== 'string') {
        return undefined;
    }
    const values = [];
    for (const param of Array.isArray(params) ? params : []) {
        if (param && typeof param === 'object') {
            const nested = typeof param.messageKey === 'string' ? saidIn(param.messageKey, param.params, lookup) : undefined;
            if (nested === undefined) {
                return undefined;
            }
            values.push(nested);
        } else {
            values.push(param);
        }
    }
    return formatMessage(pattern, values);
}

/**
 * Splits errors into those shown under a control of the form (`controlOf(field)` finds it, by the
 * API's field name) and those shown at the form's top; several errors on one field are shown together.
 */
export function placeErrors(errors, controlOf) {
    const onFields = new Map();
    const atTop = [];
    for (const error of errors) {
        const control = error.field ? controlOf(error.field) : null;
        if (control) {
            if (!onFields.has(control)) {
                onFields.set(control, []);
            }
            onFields.get(control).push(error);
        } else {
            atTop.push(error);
        }
    }
    return {onFields, atTop};
}
