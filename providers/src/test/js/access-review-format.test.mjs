// The access review's pure helpers on the admin page (access-review-format.js), run with
// `node --test providers/src/test/js/` (Node 20+, no dependencies).
import assert from 'node:assert/strict';
import {test} from 'node:test';

import {reviewFileName, whyParts} from '../../main/resources/theme-resources/resources/kcaws/admin/access-review-format.js';

test('a direct grant, a group, a sub-group member, a composite and a kept membership each say why', () => {
    assert.deepEqual(whyParts({via: 'user'}), [['kcawsAdminWhyUser']]);
    assert.deepEqual(whyParts({via: 'group', group: '/Developers'}), [['kcawsAdminWhyGroup', '/Developers']]);
    assert.deepEqual(whyParts({via: 'group', group: '/Developers', memberOf: '/Developers/Backend'}),
        [['kcawsAdminWhyInherited', '/Developers', '/Developers/Backend']]);
    assert.deepEqual(whyParts({via: 'user', compositeRole: 'finance-auditor'}), [['kcawsAdminWhyUser'], ['kcawsAdminWhyComposite', 'finance-auditor']]);
    assert.deepEqual(whyParts({via: 'group', group: '/ldap/ops', managedBy: 'ldap:corp'}),
        [['kcawsAdminWhyGroup', '/ldap/ops'], ['kcawsAdminWhyManagedBy', 'ldap:corp']]);
});

test('the download is named after the realm and account, in file-name-safe characters', () => {
    assert.equal(reviewFileName('aws-demo', null, 'csv'), 'aws-access-review-aws-demo.csv');
    assert.equal(reviewFileName('a/b c', '111111111111', 'json'), 'aws-access-review-a_b_c-111111111111.json');
});
