// Draws each chart from its JSON data block (the CSP allows no inline script) and opens the <details> around a fragment.
document.querySelectorAll('script[type="application/json"][data-chart]').forEach(function (block) {
  var fig = JSON.parse(block.textContent);
  var target = document.getElementById(block.getAttribute('data-chart'));
  if (window.Plotly && target) { Plotly.newPlot(target, fig.data, fig.layout, {displaylogo: false, responsive: true}); }
});
function openTarget() {
  var id = decodeURIComponent(location.hash.slice(1));
  var el = id && document.getElementById(id);
  for (var p = el; p; p = p.parentElement) { if (p.tagName === 'DETAILS') { p.open = true; } }
}
window.addEventListener('hashchange', openTarget);
openTarget();
