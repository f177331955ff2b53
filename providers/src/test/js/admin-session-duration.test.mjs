// The permission set form's session duration (providers/src/main/resources/theme-resources/resources/kcaws/admin/session-duration.js),
// run with `node --test providers/src/test/js/` (Node 20+, no dependencies).
import assert from 'node:assert/strict';
import {test} from 'node:test';

import {CUSTOM, durationChoice, durationSeconds, PRESET_HOURS} from '../../main/resources/theme-resources/resources/kcaws/admin/session-duration.js';

test('the presets are the hours Identity Center offers', () => {
    assert.deepEqual(PRESET_HOURS, [1, 2, 4, 8, 12]);
    assert.deepEqual(PRESET_HOURS.map(h => durationSeconds(String(h * 3600), '', '')), [3600, 7200, 14400, 28800, 43200]);
});

test('a stored duration shows as its preset or as custom hours and minutes', () => {
    assert.deepEqual(durationChoice(14400), {choice: '14400', hours: 4, minutes: 0});
    assert.deepEqual(durationChoice(43200), {choice: '43200', hours: 12, minutes: 0});
    assert.deepEqual(durationChoice(5400), {choice: CUSTOM, hours: 1, minutes: 30});
    assert.deepEqual(durationChoice(900), {choice: CUSTOM, hours: 0, minutes: 15});
    assert.deepEqual(durationChoice(3599), {choice: CUSTOM, hours: 0, minutes: 59}, 'whole minutes, never 60');
    assert.deepEqual(durationChoice(undefined), {choice: '3600', hours: 1, minutes: 0}, 'a new set starts at one hour');
    assert.deepEqual(durationChoice(null), {choice: '3600', hours: 1, minutes: 0});
});

test('a custom duration is hours and minutes in seconds; the API checks the range', () => {
    assert.equal(durationSeconds(CUSTOM, '1', '30'), 5400);
    assert.equal(durationSeconds(CUSTOM, '0', '15'), 900);
    assert.equal(durationSeconds(CUSTOM, ' 3 ', ''), 10800, 'an empty field is 0');
    assert.equal(durationSeconds(CUSTOM, '0', '1'), 60, 'out of range, sent for the API to refuse on the field');
    assert.equal(durationSeconds(CUSTOM, '12', '30'), 45000);
});

test('custom fields that are no whole hours (0–12) and minutes (0–59) give null', () => {
    for (const [h, m] of [['13', '0'], ['1', '60'], ['-1', '0'], ['1.5', '0'], ['1e1', '0'], ['x', '0'], ['1', ' 5 min']]) {
        assert.equal(durationSeconds(CUSTOM, h, m), null, `${h} h ${m} min`);
    }
});

test('an unchanged custom duration keeps the stored seconds, a changed one does not', () => {
    assert.equal(durationSeconds(CUSTOM, '1', '0', 3601), 3601);
    assert.equal(durationSeconds(CUSTOM, '1', '1', 3601), 3660);
    assert.equal(durationSeconds('7200', '1', '0', 3601), 7200, 'a preset chosen instead');
});
