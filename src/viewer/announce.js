// @ts-check
// Screen readers: announces "Slide 3 of 12" in a polite live region when the slide changes.

window.__briefdeck.use('announce', (deck) => {
  const region = deck.el('div', 'bd-ui bd-sr-only');
  region.setAttribute('aria-live', 'polite');
  region.setAttribute('aria-atomic', 'true');
  deck.on('ready', () => document.body.append(region));
  deck.on('change', (/** @type {ChangeDetail} */ { index }) => {
    region.textContent = `Slide ${index + 1} of ${deck.slides.length}`;
  });
});
