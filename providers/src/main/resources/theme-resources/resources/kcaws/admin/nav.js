/*
 * The page's frame on any screen and for the keyboard: the skip link (focus to the view, without
 * touching the hash the router reads), and the side navigation that is off-canvas below 1200 px
 * (PatternFly's xl): the masthead's button opens and closes it (aria-expanded), as do Escape and
 * choosing a view.
 */
const NARROW = window.matchMedia('(max-width: 1199.98px)');

let toggle;
let sidebar;

function setOpen(open) {
    sidebar.classList.toggle('pf-m-expanded', open);
    toggle.setAttribute('aria-expanded', String(open));
}

export function setUpFrame(doc) {
    const main = doc.getElementById('kcaws-main');
    doc.querySelector('.kcaws-skip-link')?.addEventListener('click', (event) => {
        event.preventDefault();
        main.focus();
        main.scrollIntoView();
    });
    toggle = doc.getElementById('kcaws-nav-toggle');
    sidebar = doc.getElementById('kcaws-sidebar');
    if (!toggle || !sidebar) {
        return;
    }
    toggle.addEventListener('click', () => {
        const open = toggle.getAttribute('aria-expanded') !== 'true';
        setOpen(open);
        if (open) {
            sidebar.querySelector('select, a')?.focus();
        }
    });
    sidebar.addEventListener('keydown', (event) => {
        if (event.key === 'Escape' && NARROW.matches) {
            setOpen(false);
            toggle.focus();
        }
    });
    sidebar.addEventListener('click', (event) => {
        if (NARROW.matches && event.target.closest('a')) {
            setOpen(false);
        }
    });
    // Wide again: the navigation shows anyway, so the narrow screen's open state is dropped.
    NARROW.addEventListener('change', () => NARROW.matches || setOpen(false));
}
