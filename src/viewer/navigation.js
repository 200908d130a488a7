// @ts-check
// Keyboard navigation: next/previous/first/last slide, and "type a number, then Enter" to jump to a slide.

window.__briefdeck.use('navigation', (deck) => {
  const NEXT = ['ArrowRight', 'ArrowDown', 'PageDown', 'n'];
  const PREV = ['ArrowLeft', 'ArrowUp', 'PageUp', 'Backspace'];
  let typed = '';
  /** @type {number | undefined} */
  let typedTimer;

  deck.onKey((e, key) => {
    if (/^[0-9]$/.test(key)) {
      typed = (typed + key).slice(-4);
      clearTimeout(typedTimer);
      typedTimer = setTimeout(() => (typed = ''), 2000);
      return true;
    }
    if (key === 'Enter' && typed) {
      deck.goTo(Number(typed) - 1);
      typed = '';
      return true;
    }
    const action =
      key === ' ' ? (e.shiftKey ? deck.prev : deck.next)
      : NEXT.includes(key) ? deck.next
      : PREV.includes(key) ? deck.prev
      : key === 'Home' ? () => deck.goTo(0)
      : key === 'End' ? () => deck.goTo(deck.slides.length - 1)
      : null;
    if (!action) return false;
    action();
    return true;
  });
});
