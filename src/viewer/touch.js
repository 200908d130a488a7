// @ts-check
// Touch: swipe left for the next slide, swipe right for the previous one.

window.__briefdeck.use('touch', (deck) => {
  const MIN_DISTANCE = 50; // px
  const MAX_DURATION = 800; // ms
  /** @type {{ x: number, y: number, time: number } | null} */
  let start = null;

  document.addEventListener(
    'touchstart',
    (e) => {
      const touch = e.touches[0];
      start = e.touches.length === 1 && touch ? { x: touch.clientX, y: touch.clientY, time: Date.now() } : null;
    },
    { passive: true },
  );

  document.addEventListener(
    'touchend',
    (e) => {
      const touch = e.changedTouches[0];
      if (!start || !touch) return;
      const dx = touch.clientX - start.x;
      const dy = touch.clientY - start.y;
      const quick = Date.now() - start.time <= MAX_DURATION;
      start = null;
      // Only clear horizontal swipes on the slide itself, not scrolls in the overview or the notes.
      if (!quick || Math.abs(dx) < MIN_DISTANCE || Math.abs(dx) < 2 * Math.abs(dy)) return;
      if (e.target instanceof Element && e.target.closest('.bd-overview, .bd-p-notes')) return;
      if (dx < 0) deck.next();
      else deck.prev();
    },
    { passive: true },
  );
});
