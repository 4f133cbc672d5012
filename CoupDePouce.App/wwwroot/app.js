// Small helpers for live screens. Kept tiny: everything else happens on the server.
window.coupDePouce = {
    // After a navigation, the new page's heading takes the focus (screen readers announce it), unless she is already
    // in a field: then she stays there (Components/Layout/FocusHeadingOnNavigate.razor).
    focusHeading(selector) {
        const active = document.activeElement;
        if (active && active.matches('input, textarea, select, [contenteditable]:not([contenteditable=false])')) return;
        const heading = document.querySelector(selector);
        if (!heading) return;
        if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
        heading.focus({ preventScroll: true });
    },
    // Is the page wide enough for the menu beside it? Said once, then on each change (Layout/MainLayout.razor): one
    // boolean instead of MudBlazor's stream of window sizes (decision 031).
    watchWidth: (layout, wideQuery) => {
        window.coupDePouce.unwatchWidth();
        const query = window.matchMedia(wideQuery);
        const onChange = e => layout.invokeMethodAsync('WideChanged', e.matches).catch(() => { });
        query.addEventListener('change', onChange);
        window.coupDePouce.stopWidthWatch = () => query.removeEventListener('change', onChange);
        return query.matches;
    },
    unwatchWidth: () => {
        window.coupDePouce.stopWidthWatch?.();
        window.coupDePouce.stopWidthWatch = null;
    },
    // The address the browser shows, which a circuit compares with the one it started on (AddressOnStart).
    address: () => location.href,
    // Has she scrolled down the board? Then new requests wait behind a banner instead of moving the page. The page
    // tells the server when that changes (not the server asking on every new request: one round trip less for
    // every open board on every post).
    watchScroll: (board) => {
        window.coupDePouce.stopScrollWatch?.();
        const isScrolled = () => window.scrollY > 120;
        let scrolled = isScrolled();
        const onScroll = () => {
            const now = isScrolled();
            if (now !== scrolled) {
                scrolled = now;
                board.invokeMethodAsync('ScrolledChanged', now).catch(() => { });
            }
        };
        window.addEventListener('scroll', onScroll, { passive: true });
        window.coupDePouce.watching = board;
        window.coupDePouce.stopScrollWatch = () => window.removeEventListener('scroll', onScroll);
        return scrolled;
    },
    // A board that leaves stops its own watch (not the one of a board that replaced it meanwhile).
    unwatchScroll: (board) => {
        if (window.coupDePouce.watching?._id === board._id) {
            window.coupDePouce.stopScrollWatch?.();
            window.coupDePouce.stopScrollWatch = null;
            window.coupDePouce.watching = null;
        }
    },
};

// Her light/dark/system choice (decision 031): the bar shows the button of her current choice (the page's data-theme);
// a press shows the next one at once and keeps it in a cookie for a year, read by the server for every page's first
// render. Nothing goes through the server, so it works before the page is live too.
document.addEventListener('click', e => {
    const button = e.target.closest?.('button[data-theme-next]');
    if (!button) return;
    const next = button.dataset.themeNext;
    document.documentElement.dataset.theme = next;
    document.cookie = `cdp-theme=${next}; path=/; max-age=31536000; samesite=lax`;
    document.querySelector(`button[data-theme-for="${next}"]`)?.focus();
});
