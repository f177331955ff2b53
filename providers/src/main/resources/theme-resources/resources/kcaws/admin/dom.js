/*
 * Building the page's elements in PatternFly 5 (the admin console's look). Every text goes in as a
 * text node or an attribute value: nothing the API or the admin typed is ever parsed as HTML.
 */
import {t} from './i18n.js';

/** h('td', {class: 'x'}, 'text', child): strings become text nodes, never markup. */
export function h(tag, props, ...children) {
    const el = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
        if (value === undefined || value === null || value === false) {
            continue;
        }
        if (key.startsWith('on')) {
            el.addEventListener(key.substring(2), value);
        } else if (key === 'class') {
            el.className = value;
        } else if (key === 'value') {
            el.value = value;
        } else {
            el.setAttribute(key, value === true ? '' : String(value));
        }
    }
    for (const child of children.flat(Infinity)) {
        if (child !== undefined && child !== null && child !== false) {
            el.append(child instanceof Node ? child : String(child));
        }
    }
    return el;
}

export function button(text, kind, onclick, props) {
    return h('button', Object.assign({class: `pf-v5-c-button pf-m-${kind}`, type: 'button', onclick}, props || {}), text);
}

export function submitButton(text, testid) {
    return h('div', {class: 'pf-v5-c-form__group pf-m-action'}, h('div', {class: 'pf-v5-c-form__actions'},
        h('button', {class: 'pf-v5-c-button pf-m-primary', type: 'submit', 'data-testid': testid}, text)));
}

let fieldSeq = 0;

/** A fresh element id for this page. */
export function nextId(prefix) {
    return `${prefix}${++fieldSeq}`;
}

/** A PatternFly form group; the control carries data-field = the admin API's field name for its errors. */
export function formGroup(label, control, help) {
    const id = nextId('kcaws-f');
    control.id = id;
    const wrapper = h('span', {class: 'pf-v5-c-form-control' + (control.tagName === 'TEXTAREA' ? ' pf-m-resize-vertical' : '')}, control);
    const helper = h('div', {class: 'pf-v5-c-helper-text', 'aria-live': 'polite'},
        help ? h('div', {class: 'pf-v5-c-helper-text__item'}, h('span', {class: 'pf-v5-c-helper-text__item-text'}, help)) : null);
    return h('div', {class: 'pf-v5-c-form__group'},
        h('div', {class: 'pf-v5-c-form__group-label'},
            h('label', {class: 'pf-v5-c-form__label', for: id}, h('span', {class: 'pf-v5-c-form__label-text'}, label))),
        h('div', {class: 'pf-v5-c-form__group-control'}, wrapper, h('div', {class: 'pf-v5-c-form__helper-text'}, helper)));
}

export function input(field, props) {
    return h('input', Object.assign({class: '', type: 'text', 'data-field': field, autocomplete: 'off'}, props || {}));
}

export function select(field, options, props) {
    return h('select', Object.assign({'data-field': field}, props || {}),
        options.map(([value, text]) => h('option', {value}, text)));
}

/** A multiple choice list with a filter box: usable with a thousand accounts. */
export function pickList(field, options, label) {
    const list = h('select', {multiple: true, size: Math.min(8, Math.max(3, options.length)), 'data-field': field, 'aria-label': label},
        options.map(([value, text]) => h('option', {value}, text)));
    const filterInput = h('input', {type: 'search', placeholder: t('kcawsAdminFilter'), 'aria-label': t('kcawsAdminFilterOf', label),
        oninput: () => {
            const q = filterInput.value.trim().toLowerCase();
            for (const option of list.options) {
                option.hidden = q !== '' && !option.textContent.toLowerCase().includes(q);
            }
        }});
    const filter = h('span', {class: 'pf-v5-c-form-control kcaws-pick-filter'}, filterInput);
    list.selectedValues = () => Array.from(list.selectedOptions).map(o => o.value);
    return {list, filter};
}

export function table(columns, rows, emptyText, testid) {
    if (rows.length === 0) {
        return h('div', {class: 'pf-v5-c-empty-state pf-m-sm', 'data-testid': `${testid}-empty`},
            h('div', {class: 'pf-v5-c-empty-state__content'}, h('div', {class: 'pf-v5-c-empty-state__body'}, emptyText)));
    }
    // Below 768 px each row reflows into a block of "column: value" lines (PatternFly's grid-md, from data-label).
    for (const tr of rows) {
        Array.from(tr.cells).forEach((td, i) => columns[i] && td.setAttribute('data-label', columns[i]));
    }
    return h('table', {class: 'pf-v5-c-table pf-m-compact pf-m-grid-md', role: 'grid', 'data-testid': testid},
        h('thead', {class: 'pf-v5-c-table__thead'}, h('tr', {class: 'pf-v5-c-table__tr'},
            columns.map(c => h('th', {class: 'pf-v5-c-table__th', scope: 'col'},
                c === '' ? h('span', {class: 'pf-v5-screen-reader'}, t('kcawsAdminActions')) : c)))),
        h('tbody', {class: 'pf-v5-c-table__tbody'}, rows));
}

/**
 * A table row. `label` names what the row is ("account acme-prod"): each of its buttons is then named
 * with it for screen readers and voice control ("Delete account acme-prod"), not just "Delete".
 */
export function row(cells, props) {
    const {label, ...attributes} = props || {};
    const tr = h('tr', Object.assign({class: 'pf-v5-c-table__tr'}, attributes),
        cells.map(c => h('td', {class: 'pf-v5-c-table__td'}, c)));
    if (label) {
        for (const b of tr.querySelectorAll('button:not([aria-label])')) {
            b.setAttribute('aria-label', t('kcawsAdminRowAction', b.textContent.trim(), label));
        }
    }
    return tr;
}

export function card(title, ...body) {
    return h('div', {class: 'pf-v5-c-card kcaws-card'},
        h('div', {class: 'pf-v5-c-card__title'}, h('h2', {class: 'pf-v5-c-card__title-text'}, title)),
        h('div', {class: 'pf-v5-c-card__body'}, body));
}

export function note(text) {
    return h('p', {class: 'kcaws-note'}, text);
}

export function details(pairs) {
    return h('dl', {class: 'pf-v5-c-description-list pf-m-horizontal kcaws-details'},
        pairs.map(([term, value]) => h('div', {class: 'pf-v5-c-description-list__group'},
            h('dt', {class: 'pf-v5-c-description-list__term'}, h('span', {class: 'pf-v5-c-description-list__text'}, term)),
            h('dd', {class: 'pf-v5-c-description-list__description'},
                h('div', {class: 'pf-v5-c-description-list__text'}, value === null || value === undefined || value === '' ? '—' : value)))));
}

export function toolbar(...items) {
    return h('div', {class: 'pf-v5-c-toolbar'}, h('div', {class: 'pf-v5-c-toolbar__content'},
        h('div', {class: 'pf-v5-c-toolbar__content-section'}, items.map(i => h('div', {class: 'pf-v5-c-toolbar__item'}, i)))));
}

/** A search box that hides the rows (by their text) of the table it is put above, as the user types. */
export function rowSearch(placeholder, testid) {
    const field = h('input', {type: 'search', placeholder, 'aria-label': placeholder, 'data-testid': testid,
        oninput: () => {
            const q = field.value.trim().toLowerCase();
            const tbody = field.closest('.kcaws-list').querySelector('tbody');
            for (const tr of tbody ? tbody.rows : []) {
                tr.hidden = q !== '' && !tr.textContent.toLowerCase().includes(q);
            }
        }});
    return h('span', {class: 'pf-v5-c-form-control kcaws-row-search'}, field);
}

/** A danger alert in place of a view that could not be shown. */
export function viewError(message) {
    return h('div', {class: 'pf-v5-c-alert pf-m-inline pf-m-danger', 'data-testid': 'view-error'},
        h('p', {class: 'pf-v5-c-alert__title'}, message));
}
