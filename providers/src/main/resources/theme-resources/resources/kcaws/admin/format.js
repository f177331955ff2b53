/*
 * Pure helpers of the admin page (no DOM, no network): message formatting, the hash routes, query
 * strings, durations and group paths. Unit-tested with `node --test` (format.test.mjs in the tests).
 */

/**
 * Fills {0}, {1}, … of a message as Keycloak's MessageFormat does for these simple messages, turns
 * a doubled quote ('') into one and a quoted part ('{') into its text, so the same bundle text reads
 * the same in templates, the admin API's English errors and here.
 */
export function formatMessage(template, args) {
    return String(template).replace(/''|'([^']*)'|\{(\d+)\}/g, (match, quoted, index) => {
        if (match === "''") {
            return "'";
        }
        if (quoted !== undefined) {
            return quoted;
        }
        const value = args[Number(index)];
        return value === undefined || value === null ? match : String(value);
    });
}

/** '#/acme/accounts/123456789012' for (acme, accounts, 123456789012); every part is encoded. */
export function route(realm, view, id) {
    const parts = [realm, view];
    if (id !== undefined && id !== null) {
        parts.push(id);
    }
    return '#/' + parts.map(p => encodeURIComponent(p ?? '')).join('/');
}

/** The realm, view and id a hash names; the accounts view when it names none. */
export function parseRoute(hash) {
    const parts = String(hash || '').replace(/^#\/?/, '').split('/').filter(p => p !== '').map(safeDecode);
    return {realm: parts[0] || null, view: parts[1] || 'accounts', id: parts.length > 2 ? parts[2] : null};
}

function safeDecode(part) {
    try {
        return decodeURIComponent(part);
    } catch (ignored) {
        return part;
    }
}

/** '?a=1&b=x' from the parameters that have a value; '' when none has. */
export function query(params) {
    const s = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== null && v !== undefined && v !== '')).toString();
    return s ? `?${s}` : '';
}

/** Whole hours and the remaining minutes of a duration in seconds. */
export function hoursAndMinutes(seconds) {
    return {hours: Math.floor(seconds / 3600), minutes: Math.round((seconds % 3600) / 60)};
}

/** A group is named by its path: 'Developers' means '/Developers'. */
export function groupPath(name) {
    return name.startsWith('/') ? name : `/${name}`;
}

/** Every path in a group tree as Keycloak's group search returns it (subgroups included). */
export function groupPaths(groups) {
    return (groups || []).flatMap(g => [g.path, ...groupPaths(g.subGroups)]);
}
