// Small helpers for live screens. Kept tiny: everything else happens on the server.
window.coupDePouce = {
    // Has she scrolled down the board? Then new requests wait behind a banner instead of moving the page.
    scrolled: () => window.scrollY > 120,
};
