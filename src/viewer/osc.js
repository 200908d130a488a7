// @ts-check
// On-screen controls: a small bar (previous, counter, next, overview, presenter, fullscreen, help) that shows
// while the mouse moves; hides the cursor when idle; shows short notices.

window.__briefdeck.use('osc', (deck) => {
  if (deck.mode !== 'audience') return;
  const IDLE_MS = 2500;
  const html = document.documentElement;
  /** Stroke icons, 24×24. */
  const ICONS = {
    prev: '<path d="M15 18l-6-6 6-6"/>',
    next: '<path d="M9 18l6-6-6-6"/>',
    overview: '<rect x="3" y="4" width="7" height="7" rx="1"/><rect x="14" y="4" width="7" height="7" rx="1"/><rect x="3" y="14" width="7" height="7" rx="1"/><rect x="14" y="14" width="7" height="7" rx="1"/>',
    presenter: '<rect x="2" y="3" width="20" height="13" rx="2"/><path d="M8 21h8M12 16v5"/>',
    fullscreen: '<path d="M4 9V4h5M20 9V4h-5M4 15v5h5M20 15v5h-5"/>',
    help: '<circle cx="12" cy="12" r="9"/><path d="M9.5 9.5a2.5 2.5 0 0 1 4.8 1c0 1.7-2.3 2-2.3 3.5M12 17.5v.01"/>',
  };

  /** @param {keyof typeof ICONS} icon @param {string} label @param {() => void} action */
  const button = (icon, label, action) => {
    const node = deck.el('button', 'bd-osc-button');
    node.setAttribute('type', 'button');
    node.setAttribute('aria-label', label);
    node.title = label;
    node.innerHTML = `<svg viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${ICONS[icon]}</svg>`;
    node.addEventListener('click', () => {
      action();
      node.blur();
    });
    return node;
  };

  const bar = deck.el('div', 'bd-ui bd-osc');
  bar.dir = 'ltr';
  bar.lang = 'en';
  bar.setAttribute('role', 'toolbar');
  bar.setAttribute('aria-label', 'Slide controls');
  const counter = deck.el('span', 'bd-osc-counter');
  const prev = button('prev', 'Previous slide (←)', () => deck.prev());
  const next = button('next', 'Next slide (→)', () => deck.next());
  bar.append(
    prev,
    counter,
    next,
    deck.el('span', 'bd-osc-divider'),
    button('overview', 'All slides (o)', () => deck.emit('toggle-overview')),
    button('presenter', 'Presenter view (p)', () => deck.emit('open-presenter')),
    button('fullscreen', 'Fullscreen (f)', () => deck.emit('toggle-fullscreen')),
    button('help', 'Keyboard shortcuts (?)', () => deck.emit('toggle-help')),
  );
  const notice = deck.el('div', 'bd-ui bd-notice');
  notice.setAttribute('role', 'status');
  notice.hidden = true;

  const update = () => {
    counter.textContent = `${deck.index + 1} / ${deck.slides.length}`;
    prev.toggleAttribute('disabled', deck.index === 0);
    next.toggleAttribute('disabled', deck.index === deck.slides.length - 1);
  };

  /** @type {number | undefined} */
  let idleTimer;
  const wake = () => {
    html.classList.remove('bd-idle');
    bar.classList.add('bd-osc-visible');
    clearTimeout(idleTimer);
    idleTimer = setTimeout(() => {
      if (bar.matches(':hover, :focus-within')) return wake();
      bar.classList.remove('bd-osc-visible');
      html.classList.add('bd-idle');
    }, IDLE_MS);
  };

  /** @type {number | undefined} */
  let noticeTimer;
  deck.on('notice', (/** @type {string} */ text) => {
    notice.textContent = text;
    notice.hidden = false;
    clearTimeout(noticeTimer);
    noticeTimer = setTimeout(() => (notice.hidden = true), 5000);
  });

  deck.on('change', update);
  deck.on('ready', () => {
    update();
    document.body.append(bar, notice);
    document.addEventListener('mousemove', wake, { passive: true });
    document.addEventListener('mousedown', wake, { passive: true });
  });
});
