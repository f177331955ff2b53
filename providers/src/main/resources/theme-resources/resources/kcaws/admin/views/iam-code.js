/* The AWS side: the IdP metadata, CloudFormation template and Terraform configuration, saved as files. */
import {api, aws} from '../api.js';
import {button, card, formGroup, h, note, select} from '../dom.js';
import {query} from '../format.js';
import {t} from '../i18n.js';
import {state} from '../state.js';
import {submit} from '../ui.js';

/** Saves what the API returns as a file, named as the API names it. */
export async function download(path, filename, type) {
    const body = type === 'application/zip' ? await api('GET', aws(path), undefined, {blob: true})
        : new Blob([await api('GET', aws(path), undefined, {raw: true})], {type});
    const url = URL.createObjectURL(body);
    const a = h('a', {href: url, download: filename, hidden: true});
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
}

/** Every account's code: one zip, a directory per account with both tools' files (the tools read one account's file, not a map). */
const downloadAll = () => download('/iac/archive', `kcaws-${state.realm}-iam.zip`, 'application/zip');

export function iamCodeCard(accounts) {
    const scope = select('accountId', [['', t('kcawsAdminAllAccounts')], ...accounts.map(a => [a.id, t('kcawsAdminAccountNamed', a.name, a.id)])],
        {name: 'accountId'});
    const forScope = () => `kcaws-${state.realm}-${scope.value || 'all-accounts'}`;
    const downloads = h('form', {class: 'pf-v5-c-form kcaws-form', 'data-testid': 'iac-form', novalidate: true},
        formGroup(t('kcawsAdminFor'), scope),
        h('div', {class: 'pf-v5-c-form__group pf-m-action'}, h('div', {class: 'pf-v5-c-form__actions'},
            button(t('kcawsAdminIdpMetadata'), 'secondary', () => submit(downloads, () =>
                download('/idp-metadata', `kcaws-${state.realm}-idp-metadata.xml`, 'application/xml')), {'data-testid': 'download-metadata'}),
            button(t('kcawsAdminCloudFormation'), 'secondary', () => submit(downloads, () => scope.value
                ? download(`/iac/cloudformation${query({accountId: scope.value})}`, `${forScope()}.cfn.json`, 'application/json')
                : downloadAll()),
            {'data-testid': 'download-cloudformation'}),
            button(t('kcawsAdminTerraform'), 'secondary', () => submit(downloads, () => scope.value
                ? download(`/iac/terraform${query({accountId: scope.value})}`, `${forScope()}.tf.json`, 'application/json')
                : downloadAll()),
            {'data-testid': 'download-terraform'}))),
        note(t('kcawsAdminAllAccountsArchive')),
        h('div', {class: 'kcaws-downloads'}));
    return card(t('kcawsAdminAwsSide'), note(t('kcawsAdminAwsSideNote')), downloads);
}
