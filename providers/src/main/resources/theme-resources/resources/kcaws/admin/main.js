/*
 * The AWS admin page: signs the administrator in (auth.js, keycloak-js), lists the realms they may
 * view, and shows the view the hash names (router.js, views/*.js), all through the admin API
 * (api.js). Loaded by aws-admin.ftl as a module; its settings are the data-* of #kcaws-admin and
 * its texts the JSON block #kcaws-admin-messages.
 */
import {viewableRealms} from './api.js';
import {SigningIn, signIn, signOut, username} from './auth.js';
import {viewError} from './dom.js';
import {loadMessages} from './i18n.js';
import {setUpFrame} from './nav.js';
import {registerView, start as startRouter} from './router.js';
import {state} from './state.js';
import {accounts} from './views/accounts.js';
import {assign} from './views/assign.js';
import {permissionSets} from './views/permission-sets.js';
import {identityCenter} from './views/identity-center.js';
import {group, principals, user} from './views/principals.js';
import {setup} from './views/setup.js';

registerView('accounts', accounts);
registerView('assign', assign);
registerView('permission-sets', permissionSets);
registerView('principals', principals);
registerView('groups', group);
registerView('users', user);
registerView('setup', setup);
registerView('identity-center', identityCenter);

async function start(root) {
    loadMessages(document);
    setUpFrame(document);
    state.cfg = {
        loginRealm: root.dataset.loginRealm,
        clientId: root.dataset.clientId,
        serverUrl: root.dataset.serverUrl,
        pageUrl: root.dataset.pageUrl,
    };
    try {
        await signIn(state.cfg);
        const user = username();
        document.getElementById('kcaws-admin-user').textContent = user;
        const signOutButton = document.getElementById('kcaws-admin-signout');
        signOutButton.hidden = false;
        signOutButton.addEventListener('click', () => signOut());
        state.realms = await viewableRealms(user);
        await startRouter();
    } catch (e) {
        if (!(e instanceof SigningIn)) {
            document.getElementById('kcaws-view').replaceChildren(viewError(e.message));
        }
    }
}

const root = document.getElementById('kcaws-admin');
if (root) {
    start(root);
}
