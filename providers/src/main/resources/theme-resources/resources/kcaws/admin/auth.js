/*
 * Signing the administrator in with Keycloak's own adapter, keycloak-js (vendored unchanged by
 * scripts/vendor-keycloak-js.sh): authorization code with PKCE (S256) through this realm's
 * aws-admin-console client, tokens kept in this page's memory only, refreshed before they expire.
 * No session-check iframe and no third-party-cookie probe: the page needs neither (its token
 * refresh fails once the session has ended, and then the admin signs in again), and the page's
 * Content-Security-Policy allows no frames.
 */
import Keycloak from './vendor/keycloak-js/keycloak.js';
import {t} from './i18n.js';

/** Thrown when the page is leaving for Keycloak's sign-in: nothing more to show. */
export class SigningIn extends Error {
}

/** The view the admin asked for, kept across the sign-in (the sign-in comes back to the bare page URL). */
const ROUTE_KEY = 'kcaws-admin-route';
/** Tokens are refreshed when fewer than this many seconds remain. */
const MIN_VALIDITY_SECONDS = 20;

let keycloak = null;
let pageUrl = null;

/**
 * Completes a sign-in the browser is coming back from, or starts one. Resolves once an admin is
 * signed in; throws SigningIn while the browser goes to Keycloak, or an Error to show.
 */
export async function signIn(cfg) {
    if (!window.isSecureContext || !window.crypto || !crypto.subtle) {
        throw new Error(t('kcawsAdminNeedsHttps'));
    }
    pageUrl = cfg.pageUrl;
    keycloak = new Keycloak({url: cfg.serverUrl, realm: cfg.loginRealm, clientId: cfg.clientId});
    let authenticated;
    try {
        authenticated = await keycloak.init({
            pkceMethod: 'S256', checkLoginIframe: false, redirectUri: cfg.pageUrl, scope: 'openid',
        });
    } catch (e) {
        sessionStorage.removeItem(ROUTE_KEY);
        throw new Error(t('kcawsAdminSignInFailed', e?.error_description || e?.error || e?.message || String(e)));
    }
    if (!authenticated) {
        return redirectToSignIn();
    }
    const saved = sessionStorage.getItem(ROUTE_KEY);
    sessionStorage.removeItem(ROUTE_KEY);
    if (saved && saved.startsWith('#/') && location.hash === '') {
        history.replaceState(null, '', cfg.pageUrl + saved);
    }
    return keycloak;
}

async function redirectToSignIn() {
    sessionStorage.setItem(ROUTE_KEY, location.hash);
    try {
        // Resolves never when it works: the browser is on its way to Keycloak's sign-in.
        await keycloak.login({redirectUri: pageUrl});
    } catch (e) {
        throw new Error(t('kcawsAdminSignInFailed', e?.message || String(e)));
    }
    throw new SigningIn(t('kcawsAdminSigningIn'));
}

/** A valid access token: the current one, a refreshed one, or (no session left) a new sign-in. */
export async function accessToken() {
    try {
        await keycloak.updateToken(MIN_VALIDITY_SECONDS);
        return keycloak.token;
    } catch (e) {
        return redirectToSignIn();
    }
}

/** The admin API refused the token (e.g. the session was ended elsewhere): sign in again. */
export function signInAgain() {
    return redirectToSignIn();
}

export function username() {
    const claims = keycloak.tokenParsed || {};
    return claims.preferred_username || claims.sub || '';
}

export function signOut() {
    return keycloak.logout({redirectUri: pageUrl});
}
