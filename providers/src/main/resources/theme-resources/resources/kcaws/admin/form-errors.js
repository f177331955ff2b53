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
    const pattern = error.key ? lookup(error.key) : undefined;
    if (typeof pattern === 'string') {
        return formatMessage(pattern, error.params);
    }
    const prefix = error.field ? `${error.field}: ` : null;
    return prefix && error.message.startsWith(prefix) ? error.message.substring(prefix.length) : error.message;
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
