/*
 * The next step after a change of assignments: an account whose IAM code changed (a role added, or
 * removed) must have the new code deployed before sign-ins with that role work (or stop) at AWS.
 * The admin API says which accounts' code changed (`iamCodeChanged` of an assignment's answer) and
 * how to deploy one account's code (`/iac/deployment`: file names and commands, the same texts as
 * the archive's README.txt); this module shows them with that account's downloads and a Copy button
 * per command. A notice goes into the page's alerts after the view has reloaded (its own alerts are
 * shown by then), so it stays until the next view.
 */
import {api, aws} from '../api.js';
import {SigningIn} from '../auth.js';
import {button, h} from '../dom.js';
import {query} from '../format.js';
import {t} from '../i18n.js';
import {download} from './iam-code.js';

/** Copies a command: the Clipboard API where the page may use it, else the selected text. */
async function copy(code, feedback) {
    try {
        await navigator.clipboard.writeText(code.textContent);
    } catch (ignored) {
        const range = document.createRange();
        range.selectNodeContents(code);
        const selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
        document.execCommand('copy');
    }
    feedback.textContent = t('kcawsAdminCopied');
}

function command(label, text, testid) {
    const code = h('code', {'data-testid': testid}, text);
    const feedback = h('span', {class: 'kcaws-copied', 'aria-live': 'polite'});
    return h('div', {class: 'kcaws-command'},
        h('p', {}, label),
        h('div', {class: 'kcaws-command-line'}, h('pre', {class: 'kcaws-command-text'}, code),
            button(t('kcawsAdminCopy'), 'secondary', () => copy(code, feedback), {'aria-label': t('kcawsAdminCopyNamed', label), 'data-testid': `copy-${testid}`}),
            feedback));
}

/**
 * One account's downloads and deploy commands, from its deployment (see AccountDeploymentRepresentation).
 * A failed download is said in the panel itself: the page's alerts (where the notice may be) stay.
 */
export function deploymentPanel(d) {
    const of = {accountId: d.accountId};
    const account = t('kcawsAdminAccountNamed', d.accountName, d.accountId);
    const failure = h('p', {class: 'kcaws-form-error', role: 'alert', hidden: true});
    const save = (path, file) => async () => {
        failure.hidden = true;
        try {
            await download(path, file, 'application/json');
        } catch (e) {
            if (!(e instanceof SigningIn)) {
                failure.textContent = e.message;
                failure.hidden = false;
            }
        }
    };
    return h('div', {class: 'kcaws-deployment', 'data-testid': 'deployment', 'data-account': d.accountId},
        h('div', {class: 'kcaws-actions'},
            button(t('kcawsAdminCloudFormation'), 'secondary', save(`/iac/cloudformation${query(of)}`, d.cloudFormationFile),
                {'aria-label': t('kcawsAdminDownloadCloudFormationOf', account), 'data-testid': 'deployment-cloudformation'}),
            button(t('kcawsAdminTerraform'), 'secondary', save(`/iac/terraform${query(of)}`, d.terraformFile),
                {'aria-label': t('kcawsAdminDownloadTerraformOf', account), 'data-testid': 'deployment-terraform'})),
        failure,
        command(t('kcawsAdminDeployCloudFormation', d.accountId), d.cloudFormationCommand, 'cloudformation-command'),
        command(t('kcawsAdminDeployTerraform'), d.terraformCommand, 'terraform-command'));
}

/** One account's deployment, read from the API. */
export function deploymentOf(accountId) {
    return api('GET', aws(`/iac/deployment${query({accountId})}`));
}

function notice(testid, title, items) {
    return h('li', {class: 'pf-v5-c-alert-group__item'},
        h('div', {class: 'pf-v5-c-alert pf-m-inline pf-m-warning kcaws-code-notice', 'data-testid': testid},
            h('p', {class: 'pf-v5-c-alert__title'}, title),
            h('div', {class: 'pf-v5-c-alert__description'}, items)));
}

/**
 * Shows, above the view, the accounts whose code an assignment changed (`iamCodeChanged` of its
 * answer), each with its downloads and commands as the API tells them now.
 */
export async function showCodeChanged(changes) {
    if (!changes || changes.length === 0) {
        return;
    }
    const alerts = document.getElementById('kcaws-alerts');
    const deployments = await Promise.all(changes.map(c => deploymentOf(c.accountId).catch(() => null)));
    alerts.append(notice('iam-code-notice', t('kcawsAdminCodeChangedTitle', changes.length),
        changes.map((c, i) => h('div', {class: 'kcaws-code-change', 'data-testid': 'iam-code-change', 'data-account': c.accountId},
            h('p', {}, t('kcawsAdminCodeChanged', c.accountName, c.accountId, c.added.join(', '))),
            deployments[i] ? deploymentPanel(deployments[i]) : null))));
}

/**
 * After an assignment was removed: when the account's code no longer has the set's role (it was
 * the last assignment of that set there), says so with the account's downloads and commands.
 */
export async function showIfRoleRemoved(accountId, permissionSet) {
    let d;
    try {
        d = await deploymentOf(accountId);
    } catch (ignored) {
        return; // the removal is done and said; this notice is an extra
    }
    if (d.permissionSets.includes(permissionSet)) {
        return;
    }
    document.getElementById('kcaws-alerts').append(notice('iam-code-removed-notice', t('kcawsAdminCodeChangedTitle', 1),
        h('div', {class: 'kcaws-code-change', 'data-testid': 'iam-code-change', 'data-account': accountId},
            h('p', {}, t('kcawsAdminCodeRoleRemoved', d.accountName, accountId, permissionSet)),
            deploymentPanel(d))));
}
