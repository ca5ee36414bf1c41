// Errors of this page are written into the DOM, where a headless browser's --dump-dom shows them.
(function () {
  var seen = [];
  function note(kind, text) {
    seen.push(kind + ': ' + text);
    document.documentElement.setAttribute('data-' + kind, seen.filter(function (s) { return s.indexOf(kind + ':') === 0; }).join(' | '));
  }
  window.onerror = function (msg, src, line, col) { note('errors', msg + ' (line ' + line + ':' + col + ')'); };
  window.addEventListener('unhandledrejection', function (e) { note('errors', 'unhandled rejection: ' + e.reason); });
  ['error', 'warn'].forEach(function (level) {
    var original = console[level];
    console[level] = function () {
      note(level === 'error' ? 'errors' : 'warnings', Array.prototype.map.call(arguments, String).join(' '));
      original.apply(console, arguments);
    };
  });
})();
