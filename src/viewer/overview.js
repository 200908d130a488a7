// @ts-check
// Overview: `o` or Esc shows a grid of all slides; click a tile (or arrows + Enter) to jump; Esc or `o` closes.

window.__briefdeck.use('overview', (deck) => {
  /** @type {HTMLElement | null} */
  let panel = null;
  /** @type {HTMLButtonElement[]} */
  let tiles = [];
  let selected = 0;
  const isOpen = () => !!panel && !panel.hidden;

  const build = () => {
    panel = deck.el('div', 'bd-ui bd-overview');
    panel.hidden = true;
    panel.dir = 'ltr';
    panel.lang = 'en';
    panel.setAttribute('role', 'dialog');
    panel.setAttribute('aria-modal', 'true');
    panel.setAttribute('aria-label', 'All slides');
    const header = deck.el('div', 'bd-overview-header');
    const close = deck.el('button', 'bd-button bd-overview-close', 'Close');
    close.setAttribute('type', 'button');
    close.addEventListener('click', () => hide());
    header.append(deck.el('div', 'bd-overview-title', deck.data.title || 'All slides'), deck.el('div', 'bd-overview-hint', 'Arrows to choose · Enter to open · Esc to close'), close);
    const grid = deck.el('div', 'bd-overview-grid');
    grid.dir = deck.data.dir === 'rtl' ? 'rtl' : 'ltr';
    tiles = deck.slides.map((_slide, i) => {
      const tile = /** @type {HTMLButtonElement} */ (deck.el('button', 'bd-tile'));
      tile.type = 'button';
      tile.setAttribute('aria-label', `Slide ${i + 1}`);
      tile.append(deck.cloneSlide(i), deck.el('span', 'bd-tile-number', String(i + 1)));
      tile.addEventListener('click', () => jump(i));
      grid.append(tile);
      return tile;
    });
    panel.append(header, grid);
    document.body.append(panel);
    return panel;
  };

  /** @param {number} i */
  const select = (i) => {
    selected = Math.max(0, Math.min(tiles.length - 1, i));
    tiles[selected]?.focus({ preventScroll: true });
    tiles[selected]?.scrollIntoView({ block: 'nearest' });
  };

  const show = () => {
    const view = panel || build();
    tiles.forEach((tile, i) => {
      if (i === deck.index) tile.setAttribute('aria-current', 'true');
      else tile.removeAttribute('aria-current');
    });
    view.hidden = false;
    document.documentElement.classList.add('bd-overview-open');
    select(deck.index);
    deck.emit('overview', { open: true });
  };

  const hide = () => {
    if (!panel || panel.hidden) return;
    panel.hidden = true;
    document.documentElement.classList.remove('bd-overview-open');
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
    deck.emit('overview', { open: false });
  };

  /** @param {number} i */
  const jump = (i) => {
    deck.goTo(i);
    hide();
  };

  /** Tiles per row, for ArrowUp/ArrowDown. */
  const columns = () => {
    const top = tiles[0]?.offsetTop ?? 0;
    return Math.max(1, tiles.filter((tile) => tile.offsetTop === top).length);
  };

  deck.on('toggle-overview', () => (isOpen() ? hide() : show()));

  deck.onKey((_e, key) => {
    if (!isOpen()) {
      // Esc in fullscreen belongs to the browser (it leaves fullscreen); `o` always works.
      if (key !== 'o' && (key !== 'Escape' || document.fullscreenElement)) return false;
      show();
      return true;
    }
    const forward = deck.data.dir === 'rtl' ? -1 : 1;
    if (key === 'o' || key === 'Escape') hide();
    else if (key === 'Enter' || key === ' ') jump(selected);
    else if (key === 'ArrowRight') select(selected + forward);
    else if (key === 'ArrowLeft') select(selected - forward);
    else if (key === 'ArrowDown') select(selected + columns());
    else if (key === 'ArrowUp') select(selected - columns());
    else if (key === 'Home') select(0);
    else if (key === 'End') select(tiles.length - 1);
    // While the grid is open the other slide keys do nothing; Tab moves between tiles, `f` still works.
    else return key !== 'Tab' && key !== 'f' && key !== '?';
    return true;
  }, 10);
});
