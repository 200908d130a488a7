// @ts-check
// Fullscreen: `f` enters or leaves fullscreen.

window.__briefdeck.use('fullscreen', (deck) => {
  const toggle = () => {
    if (document.fullscreenElement) {
      document.exitFullscreen().catch(() => {});
    } else if (document.fullscreenEnabled) {
      document.documentElement.requestFullscreen().catch(() => {});
    }
  };
  deck.on('toggle-fullscreen', toggle); // a command, e.g. from the on-screen controls
  deck.onKey((_e, key) => {
    if (key !== 'f') return false;
    toggle();
    return true;
  });
});
