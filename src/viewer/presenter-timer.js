// @ts-check
// Presenter timer and clock: elapsed time since the presenter window opened (pause, reset, `r`), and the wall clock.

window.__briefdeck.use('presenter-timer', (deck) => {
  if (deck.mode !== 'presenter') return;
  let startedAt = Date.now();
  /** @type {number | null} time when paused */
  let pausedAt = null;

  const elapsed = deck.el('span', 'bd-p-elapsed', '0:00');
  elapsed.setAttribute('role', 'timer');
  elapsed.title = 'Elapsed time';
  const pause = deck.el('button', 'bd-button bd-p-small', 'Pause');
  const reset = deck.el('button', 'bd-button bd-p-small', 'Reset');
  reset.title = 'Reset the timer (r)';
  const clock = deck.el('span', 'bd-p-clock');
  clock.title = 'Time of day';

  /** @param {number} ms */
  const format = (ms) => {
    const s = Math.floor(ms / 1000);
    const hours = Math.floor(s / 3600);
    const mm = String(Math.floor(s / 60) % 60);
    const ss = String(s % 60).padStart(2, '0');
    return hours ? `${hours}:${mm.padStart(2, '0')}:${ss}` : `${mm}:${ss}`;
  };

  const tick = () => {
    elapsed.textContent = format((pausedAt ?? Date.now()) - startedAt);
    clock.textContent = new Date().toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  };
  const doReset = () => {
    startedAt = Date.now();
    if (pausedAt !== null) pausedAt = startedAt;
    tick();
  };
  const doPause = () => {
    if (pausedAt === null) pausedAt = Date.now();
    else {
      startedAt += Date.now() - pausedAt;
      pausedAt = null;
    }
    pause.textContent = pausedAt === null ? 'Pause' : 'Resume';
    elapsed.classList.toggle('bd-p-paused', pausedAt !== null);
    tick();
  };

  for (const [node, action] of /** @type {Array<[HTMLElement, () => void]>} */ ([[pause, doPause], [reset, doReset]])) {
    node.setAttribute('type', 'button');
    node.addEventListener('click', () => {
      action();
      node.blur(); // so that Space and Enter keep driving the slides
    });
  }
  deck.onKey((_e, key) => {
    if (key !== 'r') return false;
    doReset();
    return true;
  });

  deck.on('presenter-view', (/** @type {{ bar: HTMLElement }} */ { bar }) => {
    const timer = deck.el('div', 'bd-p-timer');
    timer.append(elapsed, pause, reset);
    bar.append(timer, clock);
    tick();
    setInterval(tick, 500);
  });
});
