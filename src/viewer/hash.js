// @ts-check
// URL hash: #3 (1-based) is the current slide, so reloads keep the place and links (citations) can point at slides.
// The presenter window uses #presenter/3. Load this file right after core.js: it picks the first slide.

window.__briefdeck.use('hash', (deck) => {
  const prefix = deck.mode === 'presenter' ? '#presenter/' : '#';

  /** The slide a hash points at: #3, #presenter/3, or the id of an element inside a slide. @param {string} hash */
  const slideOf = (hash) => {
    const number = /^#(?:presenter\/?)?(\d+)$/.exec(hash);
    if (number) return Number(number[1]) - 1;
    let id = '';
    try {
      id = decodeURIComponent(hash.slice(1));
    } catch {
      return -1;
    }
    const target = id ? document.getElementById(id) : null;
    const slide = target?.closest('svg[data-marpit-svg]');
    return slide ? deck.slides.indexOf(/** @type {SVGSVGElement} */ (slide)) : -1;
  };

  const follow = () => {
    const index = slideOf(location.hash);
    if (index >= 0) deck.goTo(index);
  };

  follow();
  window.addEventListener('hashchange', follow);

  deck.on('change', (/** @type {ChangeDetail} */ { index }) => {
    const hash = prefix + (index + 1);
    if (location.hash === hash) return;
    try {
      // replaceState: stepping through slides does not fill the history; citation links still push.
      history.replaceState(history.state, '', hash);
    } catch {
      location.replace(hash);
    }
  });

  // Links to #N inside slide copies (presenter view, overview) go to slide N without leaving the view.
  document.addEventListener('click', (e) => {
    const link = e.target instanceof Element ? e.target.closest('a[href^="#"]') : null;
    if (!link || !link.closest('.bd-clone')) return;
    e.preventDefault();
    const index = slideOf(link.getAttribute('href') || '');
    if (index >= 0) deck.goTo(index);
  });
});
