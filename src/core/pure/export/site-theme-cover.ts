// A study's cover image at the top of its page (site-share.ts): the column's full width at its
// own aspect ratio (the width/height attributes reserve its place before it loads), a hairline
// border in the theme's rule colour so a white image does not melt into the page.
export const SITE_COVER_CSS = `
.study-cover { margin: 0 0 2rem; }
.study-cover img { display: block; width: 100%; height: auto; border-radius: 6px; border: 1px solid var(--rule); background: var(--surface); }
@media print { .study-cover img { max-height: 12cm; width: auto; max-width: 100%; } }
`;
