/*
 * Effective access, from the access review (GET /aws/access-review, the one source): who reaches an
 * account and how, what a user holds however it comes (groups, parent groups, composites), and the
 * review's CSV and JSON downloads.
 */
import {api, aws} from '../api.js';
import {whyParts, reviewFileName} from '../access-review-format.js';
import {button, h, row, table, toolbar} from '../dom.js';
import {query} from '../format.js';
import {t} from '../i18n.js';
import {link} from '../router.js';
import {state} from '../state.js';
import {act} from '../ui.js';
import {windowText} from './assignments.js';

/** The review's rows for the filter ({account}, {user}). */
export async function reviewRows(filter) {
    return (await api('GET', aws(`/access-review${query(Object.assign({format: 'json'}, filter))}`))).rows;
}

function why(r) {
    return whyParts(r).map(([key, ...args]) => t(key, ...args)).join('; ');
}

function heldCell(r) {
    return r.heldNow ? windowText(r) : h('span', {class: 'kcaws-not-held', 'data-testid': 'not-held'},
        [t('kcawsAdminNotHeldNow'), windowText(r)].filter(Boolean).join(' '));
}

/** Who reaches the account, one row per path, with the why. */
export function accountAccessTable(rows) {
    return table([t('kcawsAdminUser'), t('kcawsAdminPermissionSet'), t('kcawsAdminWhy'), t('kcawsAdminWindow')],
        rows.map(r => row([link(r.user, 'users', r.user), link(r.permissionSet, 'permission-sets', r.permissionSet), why(r), heldCell(r)],
            {'data-testid': 'effective-row', 'data-user': r.user, 'data-permission-set': r.permissionSet, 'data-via': r.via})),
        t('kcawsAdminNobodyReaches'), 'effective-access');
}

/** What the user holds, one row per path, with the why. */
export function userAccessTable(rows) {
    return table([t('kcawsAdminAccount'), t('kcawsAdminPermissionSet'), t('kcawsAdminWhy'), t('kcawsAdminWindow')],
        rows.map(r => row([link(r.accountName ? t('kcawsAdminAccountNamed', r.accountName, r.accountId) : r.accountId, 'accounts', r.accountId),
            link(r.permissionSet, 'permission-sets', r.permissionSet), why(r), heldCell(r)],
        {'data-testid': 'effective-row', 'data-account': r.accountId, 'data-permission-set': r.permissionSet, 'data-via': r.via})),
        t('kcawsAdminHoldsNothing'), 'effective-access');
}

/** CSV and JSON download buttons of the review, for one account or (account null) all. */
export function reviewDownloads(account) {
    const download = (format) => act(async () => {
        const text = await api('GET', aws(`/access-review${query({account, format})}`), undefined, {raw: true});
        const url = URL.createObjectURL(new Blob([text], {type: format === 'csv' ? 'text/csv' : 'application/json'}));
        const a = h('a', {href: url, download: reviewFileName(state.realm, account, format), hidden: true});
        document.body.append(a);
        a.click();
        a.remove();
        setTimeout(() => URL.revokeObjectURL(url), 1000);
    });
    return toolbar(
        button(t('kcawsAdminReviewCsv'), 'secondary', () => download('csv'), {'data-testid': 'review-csv'}),
        button(t('kcawsAdminReviewJson'), 'secondary', () => download('json'), {'data-testid': 'review-json'}));
}
