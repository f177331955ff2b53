// The admin page's handling of the admin API's errors (form-errors.js): Keycloak's ErrorRepresentation
// with each rule's messageKey and params, said in the admin's language. Run with `node --test providers/src/test/js/`.
import assert from 'node:assert/strict';
import {test} from 'node:test';

import {apiErrors, errorLine, errorText, placeErrors} from '../../main/resources/theme-resources/resources/kcaws/admin/form-errors.js';

const KO = {
    kcawsRuleSessionDurationRange: '900~43200초(15분~12시간)여야 합니다. 입력값: {0}',
    kcawsRuleManagedPolicyArn: 'IAM 정책 ARN이어야 합니다(입력값: {0}).',
};
const lookup = (key) => KO[key];

test('every listed error is read, or the one at the top', () => {
    const body = {
        field: 'permissionSet.sessionDuration', errorMessage: 'permissionSet.sessionDuration: must be 900 to 43200 seconds (15 minutes to 12 hours), was 60',
        messageKey: 'kcawsRuleSessionDurationRange', params: ['60'],
        errors: [
            {field: 'permissionSet.sessionDuration', errorMessage: 'permissionSet.sessionDuration: must be … was 60', messageKey: 'kcawsRuleSessionDurationRange', params: ['60']},
            {field: 'permissionSet.managedPolicies', errorMessage: "permissionSet.managedPolicies: must be an IAM policy ARN … (was 'x')", messageKey: 'kcawsRuleManagedPolicyArn', params: ["'x'"]},
        ],
    };
    assert.deepEqual(apiErrors(body).map(e => [e.field, e.key, e.params]), [
        ['permissionSet.sessionDuration', 'kcawsRuleSessionDurationRange', ['60']],
        ['permissionSet.managedPolicies', 'kcawsRuleManagedPolicyArn', ["'x'"]],
    ]);
    assert.deepEqual(apiErrors({errorMessage: 'AWS account 123456789012 exists already'}),
        [{field: null, key: null, params: [], message: 'AWS account 123456789012 exists already'}]);
    assert.deepEqual(apiErrors(null), []);
    assert.deepEqual(apiErrors({error: 'unknown_error'}), [], 'no ErrorRepresentation: nothing to place');
});

test('a rule is said in the admin\'s language with its values, without the field\'s API name', () => {
    const [error] = apiErrors({field: 'permissionSet.sessionDuration', errorMessage: 'permissionSet.sessionDuration: must be 900 …, was 60',
        messageKey: 'kcawsRuleSessionDurationRange', params: ['60']});
    assert.equal(errorText(error, lookup), '900~43200초(15분~12시간)여야 합니다. 입력값: 60');
    assert.ok(!errorText(error, lookup).includes('permissionSet'));
});

test('an error without a key, or with a key the page lacks, is the API\'s English text without the "field: " prefix', () => {
    assert.equal(errorText({field: 'endpoint', key: null, params: [], message: 'endpoint: must be an https URL'}, lookup), 'must be an https URL');
    assert.equal(errorText({field: 'x', key: 'kcawsRuleUnknownToThePage', params: [], message: 'x: is odd'}, lookup), 'is odd');
    assert.equal(errorText({field: null, key: null, params: [], message: 'permission set Admin exists already'}, lookup),
        'permission set Admin exists already');
});

test('errors go under the form\'s controls by field; the rest at the top', () => {
    const controls = {'permissionSet.sessionDuration': 'duration-input'};
    const errors = [
        {field: 'permissionSet.sessionDuration', key: 'a', params: [], message: ''},
        {field: 'notOnTheForm', key: 'b', params: [], message: ''},
        {field: 'permissionSet.sessionDuration', key: 'c', params: [], message: ''},
        {field: null, key: null, params: [], message: 'conflict'},
    ];
    const {onFields, atTop} = placeErrors(errors, (field) => controls[field] || null);
    assert.deepEqual([...onFields.entries()].map(([c, list]) => [c, list.map(e => e.key)]), [['duration-input', ['a', 'c']]]);
    assert.deepEqual(atTop.map(e => e.key || e.message), ['b', 'conflict']);
});

test('a rule broken in a part of the field (a value that is itself a rule\'s text) is said whole in the admin\'s language', () => {
    const texts = {
        kcawsRuleInAttribute: '{0} [속성 {1}]',
        kcawsRuleStoredPartitionMissing: '없습니다(aws, aws-us-gov 또는 aws-cn).',
    };
    const body = {field: 'account.partition',
        errorMessage: 'account.partition: is missing (aws, aws-us-gov or aws-cn) [attribute kcaws.account.123456789012]',
        messageKey: 'kcawsRuleInAttribute',
        params: [{messageKey: 'kcawsRuleStoredPartitionMissing', params: []}, 'kcaws.account.123456789012']};
    const [error] = apiErrors(body);
    assert.equal(errorText(error, (key) => texts[key]), '없습니다(aws, aws-us-gov 또는 aws-cn). [속성 kcaws.account.123456789012]');
    // The page lacks the inner text: the API's English, not a half-translated line with "[object Object]".
    assert.equal(errorText(error, (key) => key === 'kcawsRuleInAttribute' ? texts[key] : undefined),
        'is missing (aws, aws-us-gov or aws-cn) [attribute kcaws.account.123456789012]');
});

test('an error shown outside a form (a 404, a 409) is one line in the admin\'s language, the field first when it names one', () => {
    const texts = {kcawsRuleUnknownAccount: 'AWS 계정 {0}을(를) 찾을 수 없습니다.', kcawsRuleAccountExists: 'AWS 계정 {0}이(가) 이미 있습니다.'};
    const lookup = (key) => texts[key];
    const fieldError = (field, text) => `${field}: ${text}`;
    const [notFound] = apiErrors({errorMessage: 'AWS account 123456789012 not found', messageKey: 'kcawsRuleUnknownAccount', params: ['123456789012']});
    assert.equal(errorLine(notFound, lookup, fieldError), 'AWS 계정 123456789012을(를) 찾을 수 없습니다.');
    const [onField] = apiErrors({field: 'id', errorMessage: 'id: AWS account 1 already exists', messageKey: 'kcawsRuleAccountExists', params: ['1']});
    assert.equal(errorLine(onField, lookup, fieldError), 'id: AWS 계정 1이(가) 이미 있습니다.');
    assert.equal(errorLine(apiErrors({errorMessage: 'no key'})[0], lookup, fieldError), undefined, 'no key: the API\'s message stays');
    assert.equal(errorLine(undefined, lookup, fieldError), undefined);
});
