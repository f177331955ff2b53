/*
 * The admin page's texts: the kcawsAdmin* (and the API's kcawsRule*) messages of the realm's login theme in the admin's
 * locale, which the template writes into a JSON block (data, never markup). A missing message
 * shows its key, so a gap in a bundle is visible rather than silent.
 */
import {formatMessage} from './format.js';

let messages = {};

export function loadMessages(doc) {
    const block = doc.getElementById('kcaws-admin-messages');
    messages = block ? JSON.parse(block.textContent) : {};
}

/** The pattern of message `key` in the admin's language, or undefined when the page has none. */
export function pattern(key) {
    return Object.hasOwn(messages, key) ? messages[key] : undefined;
}

/** The message `key` with {0}, {1}, … filled from `args`. */
export function t(key, ...args) {
    return formatMessage(Object.hasOwn(messages, key) ? messages[key] : key, args);
}
