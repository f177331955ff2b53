/*
 * Pure helpers of the IAM Identity Center view (no DOM, no network): the bodies it sends, the
 * groups it offers, and what it shows of a push run. Unit-tested with `node --test`.
 */

/**
 * The body of PUT /aws/identity-center/scim from the form's values. An empty token is left out,
 * which keeps the stored one (the page never has it); a whole number of minutes goes as a number,
 * anything else as typed so the API names the field.
 */
export function scimSettingsBody(values) {
    const body = {
        enabled: Boolean(values.enabled),
        endpoint: trimmedOrNull(values.endpoint),
        groupIds: [...new Set((values.groupIds || []).filter(id => id))],
        userNameSource: values.userNameSource || null,
        leavePolicy: values.leavePolicy || null,
    };
    const token = trimmedOrNull(values.token);
    if (token !== null) {
        body.token = token;
    }
    const minutes = String(values.reconcileIntervalMinutes ?? '').trim();
    if (minutes !== '') {
        body.reconcileIntervalMinutes = /^\d{1,9}$/.test(minutes) ? Number(minutes) : minutes;
    }
    return body;
}

/** Every group of a tree from Keycloak's group search as {id, path}, sub-groups included. */
export function groupEntries(groups) {
    return (groups || []).flatMap(g => [{id: g.id, path: g.path}, ...groupEntries(g.subGroups)]);
}

/**
 * The body of POST /aws/identity-center/saml-client: the metadata, or the ACS URL and issuer; the
 * access portal URL when given; the ABAC rows with something in them.
 */
export function samlClientBody(values) {
    const body = {};
    if (values.mode === 'metadata') {
        body.metadata = trimmedOrNull(values.metadata);
    } else {
        body.acsUrl = trimmedOrNull(values.acsUrl);
        body.issuer = trimmedOrNull(values.issuer);
    }
    const portal = trimmedOrNull(values.accessPortalUrl);
    if (portal !== null) {
        body.accessPortalUrl = portal;
    }
    const attributes = (values.attributes || [])
        .map(a => ({key: String(a.key ?? '').trim(), userAttribute: String(a.userAttribute ?? '').trim()}))
        .filter(a => a.key !== '' || a.userAttribute !== '');
    if (attributes.length > 0) {
        body.attributes = attributes;
    }
    return body;
}

/** The counts of a push run in the order the page shows them. */
export const RUN_COUNTS = ['created', 'updated', 'deactivated', 'deleted', 'unchanged', 'requests'];

/** A run's counts as [name, number] pairs (0 for a count the run does not carry). */
export function runCounts(run) {
    return RUN_COUNTS.map(name => [name, Number.isFinite(run?.[name]) ? run[name] : 0]);
}

/** 'success', 'warning' or 'danger' for a run's outcome (OK, PARTIAL, FAILED). */
export function outcomeKind(outcome) {
    return outcome === 'OK' ? 'success' : outcome === 'PARTIAL' ? 'warning' : 'danger';
}

/** An ISO-8601 time in the admin's locale; the text as sent when it is not a time. */
export function localTime(iso, locale) {
    if (!iso) {
        return null;
    }
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? String(iso) : date.toLocaleString(locale || undefined);
}

/** The URL when it is http(s), for an href; null otherwise (never a javascript: or data: link). */
export function safeHref(url) {
    try {
        const parsed = new URL(String(url));
        return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
    } catch (ignored) {
        return null;
    }
}

/**
 * The client's page in Keycloak's own admin console (where it is edited or deleted): the console of
 * the realm the admin signed in to, showing the client of the realm the page manages.
 */
export function consoleClientHref(serverUrl, loginRealm, realm, clientUuid) {
    return `${serverUrl}/admin/${encodeURIComponent(loginRealm)}/console/#/${encodeURIComponent(realm)}/clients/`
        + `${encodeURIComponent(clientUuid)}/settings`;
}

function trimmedOrNull(value) {
    const text = String(value ?? '').trim();
    return text === '' ? null : text;
}
