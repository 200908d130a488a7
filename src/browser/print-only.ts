// Documents that are only printed (the print briefing, the handout) are never laid out for the
// screen. Shown at a viewport wider than any paper, a rule in their head hides the whole document
// while it is on screen (`content-visibility: hidden`: no layout, no paint) and lets go of it when
// it is printed, where the width a media query sees is the paper's. Loading such a document then
// costs parsing alone; the one layout it needs is the print's. The screen layout it was given before
// was thrown away when printing laid it out again at the paper's size (the print briefing's renderer
// time for 20 briefings 3.72 -> 2.77 s in `npm run bench`).

/** The viewport of a document that is only printed: its height is A4's, its width no paper's. */
export const PRINT_ONLY_VIEWPORT = { width: 8000, height: 1123 };

/** Whether a page at this viewport shows a document that is only printed. */
export function isPrintOnly(viewport: { width: number } | null | undefined): boolean {
  return (viewport?.width ?? 0) >= PRINT_ONLY_VIEWPORT.width;
}

/** The rule that hides a document on screen at the print-only viewport and nowhere else. */
const HIDDEN_ON_SCREEN = `<style>@media (min-width: ${PRINT_ONLY_VIEWPORT.width}px) { html { content-visibility: hidden !important; } }</style>`;

/** `html` with the rule at the end of its head (after its own styles, which it outranks). */
export function hiddenOnScreen(html: string): string {
  const at = html.indexOf('</head>');
  return at < 0 ? html : html.slice(0, at) + HIDDEN_ON_SCREEN + html.slice(at);
}
