// Puppeteer's own browser download cannot be relied on (offline CI, npm without install scripts):
// briefdeck finds a system Chromium instead (src/browser/finder.ts; `npm start` installs one).
module.exports = { skipDownload: true };
