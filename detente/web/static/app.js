// Draws each chart from its JSON data block, shows one dyad panel at a time from the picker, and opens the
// <details> around a fragment. The web app serves this file; the self-contained report inlines the same file
// (allowed by its CSP hash).
function drawCharts() {
  document.querySelectorAll('script[type="application/json"][data-chart]').forEach(function (block) {
    var target = document.getElementById(block.getAttribute('data-chart'));
    if (!window.Plotly || !target || target.getAttribute('data-drawn')) { return; }
    if (target.closest('[hidden]')) { return; }  // drawn when shown: a hidden chart would get no width
    var fig = JSON.parse(block.textContent);
    Plotly.newPlot(target, fig.data, fig.layout, {displaylogo: false, responsive: true});
    target.setAttribute('data-drawn', '1');
  });
}
function showPanel(id) {
  var picker = document.getElementById('dyad-picker');
  var panel = id && document.getElementById(id);
  if (!picker || !panel || !panel.classList.contains(picker.getAttribute('data-panels'))) { return false; }
  document.querySelectorAll('.' + picker.getAttribute('data-panels')).forEach(function (p) { p.hidden = p !== panel; });
  picker.value = id;
  drawCharts();
  return true;
}
function openTarget() {
  var id = decodeURIComponent(location.hash.slice(1));
  var el = id && document.getElementById(id);
  if (el) {
    var panel = el.closest('.dyad-panel');
    if (panel) { showPanel(panel.id); }
  }
  for (var p = el; p; p = p.parentElement) { if (p.tagName === 'DETAILS') { p.open = true; } }
  if (el) { el.scrollIntoView(); }
}
var dyadPicker = document.getElementById('dyad-picker');
if (dyadPicker) { dyadPicker.addEventListener('change', function () { showPanel(dyadPicker.value); }); }
drawCharts();
window.addEventListener('hashchange', openTarget);
openTarget();
