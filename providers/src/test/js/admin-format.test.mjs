// The admin page's pure helpers (providers/src/main/resources/theme-resources/resources/kcaws/admin/format.js
// and i18n.js), run with `node --test providers/src/test/js/` (Node 20+, no dependencies).
import assert from 'node:assert/strict';
import {test} from 'node:test';

import {formatMessage, groupPath, groupPaths, hoursAndMinutes, parseRoute, query, route} from '../../main/resources/theme-resources/resources/kcaws/admin/format.js';
import {loadMessages, t} from '../../main/resources/theme-resources/resources/kcaws/admin/i18n.js';

test('messages are filled as MessageFormat fills them', () => {
    assert.equal(formatMessage('AWS account {0} ({1}) added.', ['123456789012', 'Sandbox']), 'AWS account 123456789012 (Sandbox) added.');
    assert.equal(formatMessage('그룹 {2}에서 {1}의 {0}', ['ReadOnly', '1', '/Dev']), '그룹 /Dev에서 1의 ReadOnly');
    assert.equal(formatMessage("don''t {0}", [0]), "don't 0");
    assert.equal(formatMessage("a $'{'vault.key'}' reference, ''{0}''", ['x']), "a ${vault.key} reference, 'x'", 'quoted parts as MessageFormat reads them');
    assert.equal(formatMessage("it's {0}", ['kept']), "it's kept", 'a lone quote stays');
    assert.equal(formatMessage('{0} and {1}', ['only one']), 'only one and {1}');
    assert.equal(formatMessage('{0}', ['{1}', 'not expanded']), '{1}', 'a value is not formatted again');
});

test('routes encode every part and read back the same', () => {
    assert.equal(route('acme', 'groups', '/Platform/SRE'), '#/acme/groups/%2FPlatform%2FSRE');
    assert.deepEqual(parseRoute(route('a b', 'users', 'dora#1')), {realm: 'a b', view: 'users', id: 'dora#1'});
    assert.deepEqual(parseRoute(''), {realm: null, view: 'accounts', id: null});
    assert.deepEqual(parseRoute('#/acme'), {realm: 'acme', view: 'accounts', id: null});
    assert.deepEqual(parseRoute('#/acme/accounts/%E0%A4%A'), {realm: 'acme', view: 'accounts', id: '%E0%A4%A'}, 'a broken escape is kept as typed');
});

test('query strings keep only the parameters with a value', () => {
    assert.equal(query({group: '/Dev', user: undefined, accountId: '', max: 0}), '?group=%2FDev&max=0');
    assert.equal(query({a: null}), '');
});

test('durations and group paths', () => {
    assert.deepEqual(hoursAndMinutes(5400), {hours: 1, minutes: 30});
    assert.deepEqual(hoursAndMinutes(43200), {hours: 12, minutes: 0});
    assert.equal(groupPath('Developers'), '/Developers');
    assert.equal(groupPath('/Platform/SRE'), '/Platform/SRE');
    assert.deepEqual(groupPaths([{path: '/Platform', subGroups: [{path: '/Platform/SRE'}]}, {path: '/Dev'}]), ['/Platform', '/Platform/SRE', '/Dev']);
});

test('texts come from the JSON block; a missing one shows its key', () => {
    const block = {textContent: JSON.stringify({kcawsAdminHours: '{0}시간'})};
    loadMessages({getElementById: (id) => id === 'kcaws-admin-messages' ? block : null});
    assert.equal(t('kcawsAdminHours', 2), '2시간');
    assert.equal(t('kcawsAdminNoSuchKey'), 'kcawsAdminNoSuchKey');
    assert.equal(t('hasOwnProperty'), 'hasOwnProperty', 'no inherited property is taken for a message');
});
