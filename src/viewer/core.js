// @ts-check
// Viewer core: finds the slides, holds the current slide, dispatches keys and events, and starts the plugins.

/**
 * Contents of <script type="application/json" id="briefdeck-data">.
 * @typedef {Object} DeckData
 * @property {string} title
 * @property {string[]} notes  speaker notes, one plain-text string per slide
 * @property {string} lang
 * @property {string} dir      'ltr' or 'rtl'
 */
/**
 * Detail of the 'change' event.
 * @typedef {Object} ChangeDetail
 * @property {number} index     current slide, 0-based
 * @property {number} previous  slide shown before, 0-based
 * @property {boolean} remote   true when the change came from the other window (see sync.js)
 */
/**
 * A key handler gets the event and its normalised key ('ArrowRight', 'a', ' ', '?' …);
 * it returns true when it used the key, which stops the handlers after it.
 * @typedef {(event: KeyboardEvent, key: string) => boolean | void} KeyHandler
 */
/**
 * @typedef {Object} Deck
 * @property {SVGSVGElement[]} slides  the slide <svg data-marpit-svg> elements, in order
 * @property {number} index            current slide, 0-based
 * @property {'audience' | 'presenter'} mode  'presenter' when the URL hash starts with #presenter
 * @property {DeckData} data
 * @property {HTMLElement | null} root  the div.marpit that holds the slides
 * @property {(name: string, init: (deck: Deck) => void) => void} use  registers a plugin; plugins start in order
 * @property {() => void} start
 * @property {(index: number, options?: { remote?: boolean }) => boolean} goTo  false when nothing changed
 * @property {() => boolean} next
 * @property {() => boolean} prev
 * @property {(type: string, listener: (detail: any) => void) => void} on
 * @property {(type: string, detail?: any) => void} emit
 * @property {(handler: KeyHandler, priority?: number) => void} onKey  higher priority runs first
 * @property {(index: number) => HTMLElement} cloneSlide  a div.marpit holding a copy of the slide, for previews
 * @property {(index: number) => number} ratio  width / height of the slide
 * @property {(tag: string, className?: string, text?: string) => HTMLElement} el  creates a UI element
 */

/** The shared viewer object, also reachable as window.__briefdeck. @type {Deck} */
var __briefdeck; // eslint-disable-line no-var -- declared so that // @ts-check knows window.__briefdeck

{
  const PRESENTER = /^#presenter\b/;
  /** @type {Record<string, Array<(detail: any) => void>>} */
  const listeners = {};
  /** @type {Array<{ handler: KeyHandler, priority: number }>} */
  const keyHandlers = [];
  /** @type {Array<{ name: string, init: (deck: Deck) => void }>} */
  const plugins = [];

  /** @returns {DeckData} */
  const readData = () => {
    const fallback = { title: document.title, notes: [], lang: document.documentElement.lang || 'en', dir: 'ltr' };
    const node = document.getElementById('briefdeck-data');
    try {
      return Object.assign(fallback, node ? JSON.parse(node.textContent || '{}') : {});
    } catch (error) {
      console.error('briefdeck: unreadable #briefdeck-data', error);
      return fallback;
    }
  };

  /** Keys typed into form fields, or with Ctrl/Alt/Meta held, belong to the browser. @param {KeyboardEvent} e */
  const ignored = (e) => {
    if (e.ctrlKey || e.altKey || e.metaKey || e.isComposing || e.defaultPrevented) return true;
    const target = /** @type {HTMLElement | null} */ (e.target instanceof Element ? e.target : null);
    if (!target) return false;
    if (target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]')) return true;
    // Enter and Space on a focused button or link activate it, as usual.
    return (e.key === 'Enter' || e.key === ' ') && !!target.closest('button, a[href], summary');
  };

  /** @type {Deck} */
  const deck = {
    slides: [],
    index: 0,
    mode: 'audience',
    data: { title: '', notes: [], lang: 'en', dir: 'ltr' },
    root: null,

    use: (name, init) => {
      plugins.push({ name, init });
    },

    start: () => {
      deck.root = document.querySelector('div.marpit');
      if (!deck.root) return;
      deck.slides = /** @type {SVGSVGElement[]} */ (Array.from(deck.root.querySelectorAll(':scope > svg[data-marpit-svg]')));
      if (deck.slides.length === 0) return;
      deck.data = readData();
      deck.mode = PRESENTER.test(location.hash) ? 'presenter' : 'audience';
      deck.root.setAttribute('data-bd-deck', '');
      const html = document.documentElement;
      html.classList.add('bd-viewer', deck.mode === 'presenter' ? 'bd-presenter-mode' : 'bd-audience-mode');
      deck.slides.forEach((slide, i) => slide.classList.toggle('bd-current', i === deck.index));
      for (const plugin of plugins) {
        try {
          plugin.init(deck);
        } catch (error) {
          console.error(`briefdeck: plugin ${plugin.name} failed`, error);
        }
      }
      document.addEventListener('keydown', (e) => {
        if (ignored(e)) return;
        const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
        if (keyHandlers.some(({ handler }) => handler(e, key) === true)) e.preventDefault();
      });
      deck.emit('ready', { index: deck.index });
    },

    goTo: (index, options = {}) => {
      const next = Math.max(0, Math.min(deck.slides.length - 1, Math.floor(index)));
      if (Number.isNaN(next) || next === deck.index) return false;
      const previous = deck.index;
      deck.slides[previous]?.classList.remove('bd-current');
      deck.slides[next]?.classList.add('bd-current');
      deck.index = next;
      deck.emit('change', /** @type {ChangeDetail} */ ({ index: next, previous, remote: !!options.remote }));
      return true;
    },
    next: () => deck.goTo(deck.index + 1),
    prev: () => deck.goTo(deck.index - 1),

    on: (type, listener) => {
      (listeners[type] = listeners[type] || []).push(listener);
    },
    emit: (type, detail) => {
      for (const listener of listeners[type] || []) {
        try {
          listener(detail);
        } catch (error) {
          console.error(`briefdeck: ${type} listener failed`, error);
        }
      }
    },

    onKey: (handler, priority = 0) => {
      keyHandlers.push({ handler, priority });
      keyHandlers.sort((a, b) => b.priority - a.priority);
    },

    cloneSlide: (index) => {
      const box = deck.el('div', 'marpit bd-clone');
      const slide = deck.slides[index];
      if (!slide) return box;
      const copy = /** @type {SVGSVGElement} */ (slide.cloneNode(true));
      copy.classList.remove('bd-current');
      // The section ids (1, 2, …) are the #N link targets: keep them unique to the real slides.
      copy.querySelectorAll('section[id]').forEach((section) => section.removeAttribute('id'));
      copy.setAttribute('aria-hidden', 'true');
      box.lang = deck.data.lang;
      box.dir = deck.data.dir === 'rtl' ? 'rtl' : 'ltr';
      box.append(copy);
      box.style.setProperty('--bd-ratio', String(deck.ratio(index)));
      return box;
    },

    ratio: (index) => {
      const box = deck.slides[index]?.viewBox.baseVal;
      return box && box.width > 0 && box.height > 0 ? box.width / box.height : 16 / 9;
    },

    el: (tag, className, text) => {
      const node = document.createElement(tag);
      if (className) node.className = className;
      if (text !== undefined) node.textContent = text;
      return node;
    },
  };

  window.__briefdeck = deck;
  // The viewer script comes last in <body>: DOMContentLoaded fires after every plugin file has registered.
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', deck.start);
  else setTimeout(deck.start);
}
