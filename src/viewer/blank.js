// @ts-check
// Blank screen: `b` (or `.`) turns the audience screen black and back; Esc also brings the slide back.
// In the presenter window the key blanks the audience screen (through sync.js) and shows a badge instead.

window.__briefdeck.use('blank', (deck) => {
  const html = document.documentElement;
  const isBlank = () => html.classList.contains('bd-blank');

  /** @param {boolean} on @param {boolean} [remote] true when the other window asked */
  const set = (on, remote = false) => {
    if (on === isBlank()) return;
    html.classList.toggle('bd-blank', on);
    deck.emit('blank', { on, remote });
  };

  deck.on('toggle-blank', () => set(!isBlank()));
  deck.on('set-blank', (/** @type {{ on: boolean, remote?: boolean }} */ { on, remote }) => set(on, remote));
  deck.onKey((_e, key) => {
    if (key === 'b' || key === '.') set(!isBlank());
    else if (key === 'Escape' && isBlank()) set(false);
    else return false;
    return true;
  }, 20);
});
