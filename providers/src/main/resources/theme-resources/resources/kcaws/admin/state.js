/* What the page knows beyond one view: its start-up settings and the realm being administered. */
export const state = {
    /** From the template: loginRealm, clientId, serverUrl (no trailing slash), pageUrl. */
    cfg: null,
    /** The realm the admin API calls go to, and the realms the admin may view. */
    realm: null,
    realms: [],
};
