// @ts-check
// Sync: keeps the audience window and the presenter window on the same slide and blank state, both ways.
//
// Transport. deck.html is usually opened from disk. A file:// document has an opaque origin in Chromium and
// Firefox, so one window may not touch the other's DOM or call its functions, and whether storage events or
// BroadcastChannel reach another file:// window depends on the browser and its version (they do in current
// Chromium and Firefox). What always works is postMessage through a window reference: the presenter has
// window.opener, the audience keeps the handle that window.open returned (presenter.js) and learns it again
// from incoming messages after a reload. So postMessage through references is the transport, and
// BroadcastChannel is only a fallback for a presenter window without a reference (e.g. opened by hand).
// Messages carry the deck's address (key) and the sender's mode; a window message is taken only from our
// opener or from a window whose opener we are. No content is sent: each window reads its own copy of the deck.
//
// Ordering. Every change carries a timestamp; a window applies a field only if it is newer than what it has,
// so late or duplicate messages (heartbeat replies, both transports) never move a window back.
// The presenter says hello every second; the audience answers with its state. This catches the presenter
// up when it opens and lets the audience find the presenter again after the audience reloads.

window.__briefdeck.use('sync', (deck) => {
  /** @typedef {{ key: string, from: string, type: 'hello' | 'state', index?: number, t?: number, blank?: boolean, blankT?: number }} SyncMessage */
  const KEY = `briefdeck:${location.href.split('#')[0]}`;
  const me = deck.mode;
  const isPresenter = me === 'presenter';
  /** @type {Set<Window>} windows that we opened or that wrote to us */
  const peers = new Set();
  /** @type {BroadcastChannel | null} */
  let channel = null;
  let channelPeer = false; // the audience answers on the channel once a presenter spoke there
  let heardAt = 0;
  let clock = 0;
  let blank = false;
  // Timestamps of what this window shows; the presenter starts below any real one, to take the audience's.
  const seen = { index: isPresenter ? -1 : 0, blank: isPresenter ? -1 : 0 };
  const stamp = () => (clock = Math.max(Date.now(), clock + 1));

  try {
    channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(KEY) : null;
  } catch {
    channel = null;
  }

  /** @param {Window} win */
  const related = (win) => {
    if (win === window.opener) return true;
    try {
      return win.opener === window;
    } catch {
      return false;
    }
  };

  /** @param {Window | null} win */
  const alive = (win) => !!win && !win.closed;

  /** @param {Omit<SyncMessage, 'key' | 'from'>} body @param {Window | null} [except] */
  const send = (body, except = null) => {
    const message = { ...body, key: KEY, from: me };
    if (isPresenter && alive(window.opener)) peers.add(/** @type {Window} */ (window.opener));
    for (const win of peers) {
      if (!alive(win)) peers.delete(win);
      else if (win !== except) win.postMessage(message, '*');
    }
    const useChannel = isPresenter ? peers.size === 0 : channelPeer;
    if (channel && useChannel && !except) channel.postMessage(message);
  };

  const state = () => ({ type: /** @type {const} */ ('state'), index: deck.index, t: seen.index, blank, blankT: seen.blank });

  /** @param {SyncMessage} message @param {Window | null} source */
  const receive = (message, source) => {
    if (!message || message.key !== KEY || message.from === me) return;
    heardAt = Date.now();
    if (source) peers.add(source);
    if (message.type === 'hello') {
      send(state());
      return;
    }
    let applied = false;
    if (typeof message.index === 'number' && typeof message.t === 'number' && message.t > seen.index) {
      seen.index = message.t;
      clock = Math.max(clock, message.t);
      deck.goTo(message.index, { remote: true });
      applied = true;
    }
    if (typeof message.blank === 'boolean' && typeof message.blankT === 'number' && message.blankT > seen.blank) {
      seen.blank = message.blankT;
      clock = Math.max(clock, message.blankT);
      deck.emit('set-blank', { on: message.blank, remote: true });
      applied = true;
    }
    // The audience passes a presenter's change on to any other presenter window.
    if (applied && !isPresenter && source) send(state(), source);
  };

  window.addEventListener('message', (e) => {
    const source = /** @type {Window | null} */ (e.source);
    if (!source || source === window || typeof source.postMessage !== 'function' || !related(source)) return;
    receive(e.data, source);
  });
  channel?.addEventListener('message', (e) => {
    if (!isPresenter && e.data && e.data.key === KEY && e.data.from !== me) channelPeer = true;
    receive(e.data, null);
  });

  deck.on('peer', (/** @type {Window} */ win) => peers.add(win));
  deck.on('change', (/** @type {ChangeDetail} */ { index, remote }) => {
    if (remote) return;
    seen.index = stamp();
    send({ type: 'state', index, t: seen.index });
  });
  deck.on('blank', (/** @type {{ on: boolean, remote: boolean }} */ { on, remote }) => {
    blank = on;
    if (remote) return;
    seen.blank = stamp();
    send({ type: 'state', blank: on, blankT: seen.blank });
  });

  if (isPresenter) {
    const hello = () => {
      send({ type: 'hello' });
      deck.emit('link', { connected: alive(window.opener) || Date.now() - heardAt < 3000 });
    };
    deck.on('ready', hello);
    setInterval(hello, 1000);
  }
});
