/*
 * Pure helpers (no DOM, no network) for a permission set's session duration as Identity Center's
 * console offers it: 1, 2, 4, 8 or 12 hours, or a custom number of hours and minutes. The admin API
 * keeps seconds. Unit-tested with `node --test`.
 */

/** The hours offered as ready choices; anything else is a custom duration. */
export const PRESET_HOURS = [1, 2, 4, 8, 12];
export const CUSTOM = 'custom';
/** A new permission set's duration, as the API's default: one hour. */
export const DEFAULT_SECONDS = 3600;

/**
 * How the form shows a stored duration: the preset's value ('3600', …) or 'custom', and the whole
 * hours and remaining whole minutes for the custom fields.
 */
export function durationChoice(seconds) {
    const s = Number.isInteger(seconds) && seconds > 0 ? seconds : DEFAULT_SECONDS;
    const preset = PRESET_HOURS.includes(s / 3600);
    return {choice: preset ? String(s) : CUSTOM, hours: Math.floor(s / 3600), minutes: Math.floor((s % 3600) / 60)};
}

/** A custom field's whole number, or null when it is not one; empty counts as 0. */
function whole(text, max) {
    const value = String(text ?? '').trim();
    if (value === '') {
        return 0;
    }
    if (!/^\d{1,3}$/.test(value)) {
        return null;
    }
    const n = Number(value);
    return n <= max ? n : null;
}

/**
 * The seconds to send for the form's choice: a preset's own value, or hours × 3600 + minutes × 60
 * (hours 0–12, minutes 0–59; null when a field holds something else, so the page says what it
 * wants). An unchanged custom duration of a stored set keeps the stored seconds, even when they are
 * no whole minute (the API accepts any second from 900 to 43200). The API checks the range.
 */
export function durationSeconds(choice, hoursText, minutesText, stored) {
    if (choice !== CUSTOM) {
        return Number(choice);
    }
    const hours = whole(hoursText, 12);
    const minutes = whole(minutesText, 59);
    if (hours === null || minutes === null) {
        return null;
    }
    const seconds = hours * 3600 + minutes * 60;
    if (Number.isInteger(stored)) {
        const shown = durationChoice(stored);
        if (shown.hours === hours && shown.minutes === minutes) {
            return stored;
        }
    }
    return seconds;
}
