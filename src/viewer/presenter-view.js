// @ts-check
// Presenter view (#presenter): big current slide, smaller next slide, speaker notes, and a bar for the timer.

window.__briefdeck.use('presenter-view', (deck) => {
  if (deck.mode !== 'presenter') return;
  const el = deck.el;
  const total = deck.slides.length;

  /** @param {string} className @param {string} label */
  const pane = (className, label) => {
    const box = el('div', `bd-p-pane ${className}`);
    box.setAttribute('role', 'group');
    box.setAttribute('aria-label', label);
    const head = el('div', 'bd-p-label', label);
    box.append(head);
    return { box, head };
  };
  /** @param {string} className @param {string} text @param {string} title */
  const button = (className, text, title) => {
    const node = el('button', `bd-button ${className}`, text);
    node.setAttribute('type', 'button');
    node.title = title;
    return node;
  };

  const view = el('div', 'bd-ui bd-presenter');
  view.dir = 'ltr';
  view.lang = 'en';

  // Top bar: deck title, blank-screen badge, link to the audience window.
  const top = el('div', 'bd-p-bar bd-p-top');
  const badge = el('span', 'bd-p-badge', 'Audience screen blank');
  const link = el('span', 'bd-p-link', 'Audience window not connected');
  top.append(el('div', 'bd-p-title', deck.data.title || document.title), badge, link);

  // Main area: current slide on the left; next slide and notes on the right.
  const current = pane('bd-p-current', 'Current slide');
  const currentFrame = el('div', 'bd-p-frame');
  current.box.append(currentFrame);
  const next = pane('bd-p-next', 'Next');
  const nextFrame = el('div', 'bd-p-frame bd-p-frame-next');
  nextFrame.title = 'Next slide (click to advance)';
  nextFrame.addEventListener('click', () => deck.next());
  next.box.append(nextFrame);
  const notes = pane('bd-p-notes', 'Notes');
  const notesText = el('div', 'bd-p-notes-text');
  notesText.lang = deck.data.lang;
  notesText.dir = deck.data.dir === 'rtl' ? 'rtl' : 'ltr';
  notesText.tabIndex = 0;
  const smaller = button('bd-p-small', 'A−', 'Smaller notes (-)');
  const larger = button('bd-p-small', 'A+', 'Larger notes (+)');
  const sizes = el('span', 'bd-p-sizes');
  sizes.append(smaller, larger);
  notes.head.append(sizes);
  notes.box.append(notesText);
  const main = el('div', 'bd-p-main');
  main.append(current.box, next.box, notes.box);

  // Bottom bar: previous / counter / next; presenter-timer.js adds the timer and the clock.
  const bottom = el('div', 'bd-p-bar bd-p-bottom');
  const prevButton = button('bd-p-step', '‹ Previous', 'Previous slide (←)');
  const nextButton = button('bd-p-step', 'Next ›', 'Next slide (→)');
  const counter = el('span', 'bd-p-counter');
  const nav = el('div', 'bd-p-nav');
  nav.append(prevButton, counter, nextButton);
  bottom.append(nav);
  view.append(top, main, bottom);

  let notesSize = 20;
  /** @param {number} delta */
  const resizeNotes = (delta) => {
    notesSize = Math.max(12, Math.min(48, notesSize + delta));
    notesText.style.fontSize = `${notesSize}px`;
  };

  const render = () => {
    const i = deck.index;
    currentFrame.replaceChildren(deck.cloneSlide(i));
    nextFrame.replaceChildren(i + 1 < total ? deck.cloneSlide(i + 1) : el('div', 'bd-p-end', 'End of presentation'));
    const text = (deck.data.notes[i] || '').trim();
    notesText.textContent = text || 'No notes for this slide.';
    notesText.classList.toggle('bd-p-empty', !text);
    notesText.scrollTop = 0;
    counter.textContent = `Slide ${i + 1} of ${total}`;
    current.head.textContent = `Current slide · ${i + 1} / ${total}`;
    prevButton.toggleAttribute('disabled', i === 0);
    nextButton.toggleAttribute('disabled', i === total - 1);
  };

  for (const [node, action] of /** @type {Array<[HTMLElement, () => void]>} */ ([
    [prevButton, () => deck.prev()],
    [nextButton, () => deck.next()],
    [smaller, () => resizeNotes(-2)],
    [larger, () => resizeNotes(2)],
  ])) {
    node.addEventListener('click', () => {
      action();
      node.blur(); // so that Space and Enter keep driving the slides
    });
  }

  deck.onKey((_e, key) => {
    if (key === '+' || key === '=') resizeNotes(2);
    else if (key === '-' || key === '_') resizeNotes(-2);
    else return false;
    return true;
  });

  deck.on('link', (/** @type {{ connected: boolean }} */ { connected }) => {
    link.textContent = connected ? 'Audience window connected' : 'Audience window not connected';
    link.classList.toggle('bd-p-connected', connected);
  });
  deck.on('change', render);
  // Built on 'ready', when every plugin listens: presenter-timer.js fills the bottom bar on 'presenter-view'.
  deck.on('ready', () => {
    document.title = `Presenter · ${deck.data.title || document.title}`;
    resizeNotes(0);
    render();
    document.body.append(view);
    deck.emit('presenter-view', { bar: bottom });
  });
});
