// The IAM Identity Center view's pure helpers (identity-center-format.js) and its texts, run with
// `node --test providers/src/test/js/` (Node 20+, no dependencies).
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {test} from 'node:test';
import {fileURLToPath} from 'node:url';

import {consoleClientHref, groupEntries, localTime, outcomeKind, runCounts, safeHref, samlClientBody, scimSettingsBody}
    from '../../main/resources/theme-resources/resources/kcaws/admin/identity-center-format.js';

const main = (path) => fileURLToPath(new URL(`../../main/resources/theme-resources/${path}`, import.meta.url));

test('the settings body leaves an empty token out, so the stored one is kept', () => {
    const body = scimSettingsBody({enabled: true, endpoint: ' https://scim.us-east-1.amazonaws.com/t1/scim/v2/ ', token: '   ',
        groupIds: ['g1', 'g2', 'g1', ''], userNameSource: 'EMAIL', leavePolicy: 'DELETE', reconcileIntervalMinutes: ' 60 '});
    assert.deepEqual(body, {enabled: true, endpoint: 'https://scim.us-east-1.amazonaws.com/t1/scim/v2/', groupIds: ['g1', 'g2'],
        userNameSource: 'EMAIL', leavePolicy: 'DELETE', reconcileIntervalMinutes: 60});
    assert.equal(Object.hasOwn(body, 'token'), false);
});

test('a typed token is sent trimmed; minutes that are not a number go as typed for the API to name', () => {
    const body = scimSettingsBody({enabled: false, endpoint: '', token: ' abc.def ', groupIds: [], reconcileIntervalMinutes: 'hourly'});
    assert.equal(body.token, 'abc.def');
    assert.equal(body.endpoint, null);
    assert.equal(body.enabled, false);
    assert.equal(body.reconcileIntervalMinutes, 'hourly');
    assert.equal(Object.hasOwn(scimSettingsBody({reconcileIntervalMinutes: ''}), 'reconcileIntervalMinutes'), false);
});

test('groups from Keycloak\'s group search are offered with their IDs, sub-groups included', () => {
    assert.deepEqual(groupEntries([{id: 'p', path: '/Platform', subGroups: [{id: 's', path: '/Platform/SRE', subGroups: []}]}, {id: 'd', path: '/Dev'}]),
        [{id: 'p', path: '/Platform'}, {id: 's', path: '/Platform/SRE'}, {id: 'd', path: '/Dev'}]);
    assert.deepEqual(groupEntries(undefined), []);
});

test('the SAML client body carries the metadata or the two URLs, and only attribute rows with something in them', () => {
    assert.deepEqual(samlClientBody({mode: 'metadata', metadata: ' <xml/> ', acsUrl: 'ignored', attributes: [{key: '', userAttribute: ' '}]}),
        {metadata: '<xml/>'});
    assert.deepEqual(samlClientBody({mode: 'urls', acsUrl: 'https://a/acs', issuer: ' https://a/issuer ',
        attributes: [{key: ' CostCenter ', userAttribute: 'costCenter'}, {key: 'Team', userAttribute: ''}]}),
    {acsUrl: 'https://a/acs', issuer: 'https://a/issuer', attributes: [{key: 'CostCenter', userAttribute: 'costCenter'}, {key: 'Team', userAttribute: ''}]});
    assert.deepEqual(samlClientBody({mode: 'metadata', metadata: '<xml/>', accessPortalUrl: ' https://d-1.awsapps.com/start '}),
        {metadata: '<xml/>', accessPortalUrl: 'https://d-1.awsapps.com/start'});
});

test('a run shows every count, its outcome and its times', () => {
    assert.deepEqual(runCounts({created: 3, updated: 1, deactivated: 0, deleted: 2, unchanged: 40, requests: 9}),
        [['created', 3], ['updated', 1], ['deactivated', 0], ['deleted', 2], ['unchanged', 40], ['requests', 9]]);
    assert.deepEqual(runCounts({created: 'x'})[0], ['created', 0]);
    assert.equal(outcomeKind('OK'), 'success');
    assert.equal(outcomeKind('PARTIAL'), 'warning');
    assert.equal(outcomeKind('FAILED'), 'danger');
    assert.equal(outcomeKind(undefined), 'danger');
    assert.equal(localTime(null), null);
    assert.equal(localTime('not a time'), 'not a time');
    assert.notEqual(localTime('2026-11-30T10:00:00Z', 'en'), '2026-11-30T10:00:00Z');
});

test('only http(s) URLs become links', () => {
    assert.equal(safeHref('https://sso.example/realms/a/protocol/saml/clients/ic'), 'https://sso.example/realms/a/protocol/saml/clients/ic');
    assert.equal(safeHref('javascript:alert(1)'), null);
    assert.equal(safeHref('data:text/html,x'), null);
    assert.equal(safeHref('not a url'), null);
});

test('an existing SAML client links to its page in Keycloak\'s admin console, each part encoded', () => {
    assert.equal(consoleClientHref('https://sso.example', 'master', 'acme', '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0'),
        'https://sso.example/admin/master/console/#/acme/clients/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0/settings');
    assert.equal(consoleClientHref('https://sso.example/auth', 'ops team', 'a/b#c', 'x?y'),
        'https://sso.example/auth/admin/ops%20team/console/#/a%2Fb%23c/clients/x%3Fy/settings');
});

test('an existing SAML client is shown without a form that would create a second one', () => {
    const source = readFileSync(main('resources/kcaws/admin/views/identity-center.js'), 'utf8');
    assert.doesNotMatch(source, /kcawsAdminIcSamlRecreate/);
});

test('every text of the view and its navigation entry is in the English and Korean bundles', () => {
    const used = new Set();
    for (const file of ['resources/kcaws/admin/views/identity-center.js', 'templates/aws-admin.ftl']) {
        for (const m of readFileSync(main(file), 'utf8').matchAll(/['"](kcawsAdmin(?:Ic|NavIdentityCenter)[A-Za-z]*)['"]/g)) {
            used.add(m[1]);
        }
    }
    assert.ok(used.size > 40, `found ${used.size} keys`);
    for (const lang of ['en', 'ko']) {
        const keys = new Set(readFileSync(main(`messages/messages_${lang}.properties`), 'utf8').split('\n')
            .map(line => line.split('=')[0]).filter(k => k.startsWith('kcaws')));
        assert.deepEqual([...used].filter(k => !keys.has(k)), [], `missing in messages_${lang}`);
    }
});

test('the view builds its elements from text nodes only', () => {
    const source = readFileSync(main('resources/kcaws/admin/views/identity-center.js'), 'utf8');
    assert.doesNotMatch(source, /innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
});
