// Helpers shared by report.html and salvo compare's page.
'use strict';
function $(id) { return document.getElementById(id); }
function esc(s) { return String(s == null ? '' : s).replace(/[&<>"]/g, function (c) { return {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;'}[c]; }); }
function num(v, digits) {
  if (v == null || isNaN(v)) return '';
  var a = Math.abs(v), p = digits != null ? digits : a >= 100 ? 0 : a >= 10 ? 1 : 2;
  return Number(v).toLocaleString('en-US', {minimumFractionDigits: p, maximumFractionDigits: p});
}
function bytes(v) {
  var units = ['B', 'kB', 'MB', 'GB', 'TB'], i = 0;
  while (Math.abs(v) >= 1000 && i < units.length - 1) { v /= 1000; i++; }
  return num(v, i === 0 ? 0 : 1) + ' ' + units[i];
}
function clock(s) {
  s = Math.round(s);
  if (s < 60) return s + ' s';
  var h = Math.floor(s / 3600), m = Math.floor(s % 3600 / 60), sec = s % 60;
  var mm = (h && m < 10 ? '0' : '') + m, ss = (sec < 10 ? '0' : '') + sec;
  return (h ? h + ':' : '') + mm + ':' + ss;
}
function bad(text) { return '<span class="bad">' + esc(text) + '</span>'; }
/** A table into element el: rows of cells (HTML), or {group: text} for a group heading; textCols are left-aligned. */
function renderTable(el, head, rows, textCols) {
  var t = $(el);
  if (!rows.length) { t.innerHTML = '<p class="empty">none</p>'; return; }
  var h = '<table><thead><tr>' + head.map(function (x, i) { return '<th' + (textCols.indexOf(i) >= 0 ? ' class="text"' : '') + '>' + esc(x) + '</th>'; }).join('') + '</tr></thead><tbody>';
  rows.forEach(function (r) {
    if (r.group != null) { h += '<tr class="group"><td colspan="' + head.length + '">' + esc(r.group) + '</td></tr>'; return; }
    h += '<tr>' + r.map(function (c, i) { return '<td' + (textCols.indexOf(i) >= 0 ? ' class="text"' : '') + '>' + c + '</td>'; }).join('') + '</tr>';
  });
  t.innerHTML = h + '</tbody></table>';
}
var PALETTE = ['#3182ce', '#dd6b20', '#38a169', '#805ad5', '#d53f8c', '#319795', '#d69e2e', '#e53e3e', '#718096', '#2c5282'];
