// Draws each chart from its JSON data block and opens the <details> around a fragment. The web app serves this
// file; the self-contained report inlines the same file (allowed by its CSP hash).
document.querySelectorAll('script[type="application/json"][data-chart]').forEach(function (block) {
  var fig = JSON.parse(block.textContent);
  var target = document.getElementById(block.getAttribute('data-chart'));
  if (window.Plotly && target) { Plotly.newPlot(target, fig.data, fig.layout, {displaylogo: false, responsive: true}); }
});
function openTarget() {
  var id = decodeURIComponent(location.hash.slice(1));
  var el = id && document.getElementById(id);
  for (var p = el; p; p = p.parentElement) { if (p.tagName === 'DETAILS') { p.open = true; } }
  if (el) { el.scrollIntoView(); }
}
window.addEventListener('hashchange', openTarget);
openTarget();
