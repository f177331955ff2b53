/* The 'AWS client and IAM code' view: the realm's AWS clients, creating one, and the AWS side's code. */
import {api, aws} from '../api.js';
import {h} from '../dom.js';
import {t} from '../i18n.js';
import {heading} from '../ui.js';
import {clientsCard, createClientCard, loadClients, loadDefaults} from './aws-clients.js';
import {iamCodeCard} from './iam-code.js';

export async function setup() {
    heading(t('kcawsAdminNavSetup'), t('kcawsAdminSetupIntro'));
    const [accounts, clients, defaults] = await Promise.all([api('GET', aws('/accounts')), loadClients(), loadDefaults()]);
    return h('div', {}, clientsCard(clients, defaults), createClientCard(), iamCodeCard(accounts));
}
