/*
 * Pure helpers of the access review on the admin page (no DOM, no network): why a row's user
 * reaches the pair, as message keys with their arguments, and the download's file name.
 * Unit-tested with `node --test`.
 */

/**
 * The parts of a row's "why", each [messageKey, ...args]: how the grant comes (to the user, through
 * a group, inherited through a sub-group), then the composite role it comes inside and what keeps the
 * membership, when the row says so.
 */
export function whyParts(row) {
    const parts = [];
    if (row.via === 'group') {
        parts.push(row.memberOf ? ['kcawsAdminWhyInherited', row.group, row.memberOf] : ['kcawsAdminWhyGroup', row.group]);
    } else {
        parts.push(['kcawsAdminWhyUser']);
    }
    if (row.compositeRole) {
        parts.push(['kcawsAdminWhyComposite', row.compositeRole]);
    }
    if (row.managedBy) {
        parts.push(['kcawsAdminWhyManagedBy', row.managedBy]);
    }
    return parts;
}

/** 'aws-access-review-<realm>[-<account>].<csv|json>', with only file-name-safe characters. */
export function reviewFileName(realm, account, format) {
    const safe = (s) => String(s).replace(/[^A-Za-z0-9_.-]/g, '_');
    return `aws-access-review-${safe(realm)}${account ? `-${safe(account)}` : ''}.${format}`;
}
