/*
 * The hash routes, #/{realm}/{view}[/{id}]: which realm the API calls go to and which view shows.
 * Views are functions returning an element (or a promise of one); they register here by name.
 */
import {SigningIn} from './auth.js';
import {h, viewError} from './dom.js';
import {parseRoute, route as routeOf} from './format.js';
import {t} from './i18n.js';
import {state} from './state.js';
import {showPendingAlerts} from './ui.js';

/** The side navigation's views; 'groups' and 'users' (one principal) belong to 'principals'. */
export const NAV_VIEWS = ['accounts', 'permission-sets', 'principals', 'setup', 'identity-center'];
const NAV_OF = {groups: 'principals', users: 'principals'};

const views = {};

/** view(id) for '#/{realm}/{name}[/{id}]'; id is null when the route names none. */
export function registerView(name, view) {
    views[name] = view;
}

/** The route to a view of the chosen realm (or of `realm`). */
export function route(view, id, realm) {
    return routeOf(realm || state.realm, view, id);
}

/** Opens a view; opening the current one again reloads it (after a change). */
export function go(view, id) {
    const target = route(view, id);
    if (location.hash === target) {
        render();
    } else {
        location.hash = target;
    }
}

export function start() {
    const realmSelect = document.getElementById('kcaws-realm');
    realmSelect.replaceChildren(...state.realms.map(r => h('option', {value: r}, r)));
    realmSelect.addEventListener('change', () => {
        const view = parseRoute(location.hash).view;
        location.hash = route(NAV_VIEWS.includes(view) ? view : 'accounts', null, realmSelect.value);
    });
    window.addEventListener('hashchange', render);
    return render();
}

export async function render() {
    const r = parseRoute(location.hash);
    if (!r.realm || !state.realms.includes(r.realm)) {
        const fallback = state.realms.find(n => n !== state.cfg.loginRealm) || state.realms[0];
        location.replace(route(NAV_VIEWS.includes(r.view) ? r.view : 'accounts', null, fallback));
        return;
    }
    state.realm = r.realm;
    document.getElementById('kcaws-realm').value = r.realm;
    const nav = NAV_OF[r.view] || r.view;
    for (const a of document.querySelectorAll('#kcaws-nav a')) {
        a.setAttribute('href', route(a.dataset.view));
        const current = a.dataset.view === nav;
        a.classList.toggle('pf-m-current', current);
        if (current) {
            a.setAttribute('aria-current', 'page');
        } else {
            a.removeAttribute('aria-current');
        }
    }
    showPendingAlerts();
    const show = views[r.view] ? () => views[r.view](r.id) : () => views.accounts(null);
    const viewEl = document.getElementById('kcaws-view');
    viewEl.replaceChildren(h('p', {class: 'kcaws-loading'}, t('kcawsAdminLoading')));
    try {
        viewEl.replaceChildren(await show());
    } catch (e) {
        if (!(e instanceof SigningIn)) {
            viewEl.replaceChildren(viewError(e.message));
        }
    }
}

/** A link to a view of the chosen realm. */
export function link(text, view, id, props) {
    return h('a', Object.assign({href: route(view, id)}, props || {}), text);
}
