// Runs before first paint (a blocking same-origin script, so no CSP nonce is needed):
// applies a saved theme override so there is no flash of the wrong theme.
(function () {
  try {
    var t = localStorage.getItem('bil-theme');
    if (t === 'light' || t === 'dark') document.documentElement.dataset.theme = t;
  } catch (e) {}
})();
