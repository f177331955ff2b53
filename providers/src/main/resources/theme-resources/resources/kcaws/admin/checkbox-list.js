/*
 * A searchable checkbox list: a labelled group (fieldset and legend) with a filter box above the
 * list, a live count of what is chosen, and one native checkbox per option (Tab to reach, Space to
 * tick). Filtering hides options and never unticks them: what was chosen stays chosen.
 */
import {h, nextId} from './dom.js';
import {t} from './i18n.js';

/**
 * options: [value, text] pairs. Returns {element, values(), add(options), onChange(listener)};
 * `field` names the list for the API's errors (data-field) and the tests (data-testid pick-{field}).
 */
export function checkboxList(field, label, options, chosen) {
    const listId = nextId('kcaws-checks-');
    const items = h('ul', {class: 'kcaws-check-list', id: listId, 'data-field': field, tabindex: -1, 'aria-label': label});
    const count = h('span', {class: 'kcaws-check-count', 'aria-live': 'polite', 'data-testid': `count-${field}`});
    const empty = h('p', {class: 'kcaws-note', hidden: true}, t('kcawsAdminNoMatch'));
    const listeners = [];
    const boxes = () => Array.from(items.querySelectorAll('input[type=checkbox]'));
    const update = () => {
        count.textContent = t('kcawsAdminSelectedCount', boxes().filter(b => b.checked).length);
        listeners.forEach(l => l());
    };
    const seen = new Set();
    const add = (more) => {
        for (const [value, text] of more) {
            if (seen.has(value)) {
                continue;
            }
            seen.add(value);
            const id = nextId('kcaws-check-');
            const box = h('input', {class: 'pf-v5-c-check__input', type: 'checkbox', id, value, checked: (chosen || []).includes(value),
                'data-value': value, onchange: update});
            items.append(h('li', {class: 'pf-v5-c-check', 'data-text': text.toLowerCase()},
                box, h('label', {class: 'pf-v5-c-check__label', for: id}, text)));
        }
        applyFilter();
        update();
    };
    const filter = h('input', {type: 'search', placeholder: t('kcawsAdminFilter'), 'aria-label': t('kcawsAdminFilterOf', label),
        'aria-controls': listId, 'data-testid': `filter-${field}`, oninput: () => applyFilter()});
    function applyFilter() {
        const q = filter.value.trim().toLowerCase();
        let shown = 0;
        for (const li of items.children) {
            li.hidden = q !== '' && !li.dataset.text.includes(q);
            shown += li.hidden ? 0 : 1;
        }
        empty.hidden = shown > 0 || items.children.length === 0;
    }
    const element = h('fieldset', {class: 'kcaws-checks', 'data-testid': `pick-${field}`},
        h('legend', {class: 'pf-v5-c-form__label'}, h('span', {class: 'pf-v5-c-form__label-text'}, label), ' ', count),
        h('span', {class: 'pf-v5-c-form-control kcaws-pick-filter'}, filter),
        items, empty);
    add(options);
    return {
        element,
        filter,
        add,
        values: () => boxes().filter(b => b.checked).map(b => b.value),
        onChange: (listener) => listeners.push(listener),
    };
}
