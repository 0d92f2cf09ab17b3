// Runs before first paint (a blocking same-origin script, so no CSP nonce is needed):
// copies the unlocked chapters from saved progress onto <html data-unlocked>, so a
// chapter the learner has unlocked never flashes its "locked" notice, and a locked
// one never flashes its content. The React store keeps the attribute in sync later.
(function () {
  try {
    var saved = JSON.parse(localStorage.getItem('bil-progress') || 'null');
    var list = saved && saved.state && saved.state.unlocked;
    if (!Array.isArray(list)) return;
    var slugs = list.filter(function (s) {
      return typeof s === 'string' && /^\d{3}-[a-z0-9-]+$/.test(s);
    });
    document.documentElement.dataset.unlocked = slugs.join(' ');
  } catch (e) {}
})();
