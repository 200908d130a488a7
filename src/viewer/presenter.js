// @ts-check
// Presenter window: `p` opens this same document with #presenter/N in a second window (presenter-view.js draws it).

window.__briefdeck.use('presenter', (deck) => {
  if (deck.mode === 'presenter') return;
  /** @type {Window | null} */
  let presenter = null;

  const open = () => {
    if (presenter && !presenter.closed) {
      presenter.focus();
      return;
    }
    const url = `${location.href.split('#')[0]}#presenter/${deck.index + 1}`;
    // One presenter window per deck: pressing `p` again after a reload finds the same window.
    const name = `briefdeck-presenter:${location.pathname}`;
    presenter = window.open(url, name, 'popup,width=1280,height=800');
    if (presenter) deck.emit('peer', presenter);
    else deck.emit('notice', 'The browser blocked the presenter window: allow pop-ups for this file.');
  };

  deck.on('open-presenter', open);
  deck.onKey((_e, key) => {
    if (key !== 'p') return false;
    open();
    return true;
  });
});
