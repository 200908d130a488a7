// @ts-check
// Help: `?` (or `h`) shows the keyboard shortcuts; `?`, `h` or Esc closes.

window.__briefdeck.use('help', (deck) => {
  const KEYS = [
    ['→  ↓  Space  PageDown  N', 'Next slide'],
    ['←  ↑  Shift+Space  PageUp  Backspace', 'Previous slide'],
    ['Home  /  End', 'First / last slide'],
    ['number, then Enter', 'Go to that slide'],
    ['O  or  Esc', 'All slides (overview)'],
    ['B  or  .', 'Black screen'],
    ['F', 'Fullscreen'],
    ['P', 'Presenter view in a second window'],
    ['R', 'Reset the timer (presenter view)'],
    ['+  /  −', 'Larger / smaller notes (presenter view)'],
    ['?  or  H', 'This help'],
  ];
  /** @type {HTMLElement | null} */
  let panel = null;

  const build = () => {
    panel = deck.el('div', 'bd-ui bd-help');
    panel.dir = 'ltr';
    panel.lang = 'en';
    panel.setAttribute('role', 'dialog');
    panel.setAttribute('aria-label', 'Keyboard shortcuts');
    const card = deck.el('div', 'bd-help-card');
    const list = deck.el('dl', 'bd-help-keys');
    for (const [keys, action] of KEYS) list.append(deck.el('dt', '', keys), deck.el('dd', '', action));
    card.append(deck.el('div', 'bd-help-title', 'Keyboard shortcuts'), list);
    panel.append(card);
    panel.addEventListener('click', () => close());
    document.body.append(panel);
    return panel;
  };

  const isOpen = () => !!panel && !panel.hidden;
  const open = () => {
    (panel || build()).hidden = false;
  };
  const close = () => {
    if (panel) panel.hidden = true;
  };

  deck.on('toggle-help', () => (isOpen() ? close() : open()));
  deck.onKey((_e, key) => {
    if (key === '?' || key === 'h') deck.emit('toggle-help');
    else if (!isOpen()) return false;
    else if (key === 'Escape') close();
    return true; // while open, the help card takes every key
  }, 15);
});
