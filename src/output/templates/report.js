(function () {
  'use strict';
  // Reads only data attributes and text; never writes markup, so nothing from a transcript
  // can become code.
  document.documentElement.setAttribute('data-js', 'ready');

  document.querySelectorAll('table.sortable').forEach(function (table) {
    var heads = table.querySelectorAll('th[data-type]');
    heads.forEach(function (th) {
      var button = th.querySelector('button');
      if (!button) { return; }
      button.addEventListener('click', function () {
        var ascending = th.getAttribute('aria-sort') !== 'ascending';
        heads.forEach(function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        var column = th.cellIndex;
        var numeric = th.getAttribute('data-type') === 'num';
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[column].getAttribute('data-v') || '';
          var y = b.cells[column].getAttribute('data-v') || '';
          var order = numeric ? (parseFloat(x) || 0) - (parseFloat(y) || 0)
                              : x.localeCompare(y, undefined, { numeric: true, sensitivity: 'base' });
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  });

  var rule = document.getElementById('f-rule');
  var agent = document.getElementById('f-agent');
  var kind = document.getElementById('f-kind');
  var count = document.getElementById('f-count');
  var calls = Array.prototype.slice.call(document.querySelectorAll('details.call'));

  function apply() {
    var r = rule ? rule.value : '';
    var a = agent ? agent.value : '';
    var k = kind ? kind.value : '';
    var shown = 0;
    calls.forEach(function (call) {
      var rules = (call.getAttribute('data-rules') || '').split(' ');
      var ok = (!r || rules.indexOf(r) >= 0) &&
               (!a || call.getAttribute('data-agent') === a) &&
               (!k || call.getAttribute('data-kind') === k);
      call.hidden = !ok;
      if (ok) { shown += 1; }
    });
    if (count) { count.textContent = shown + ' of ' + calls.length + ' shown'; }
  }
  [rule, agent, kind].forEach(function (select) {
    if (select) { select.addEventListener('change', apply); }
  });
  apply();

  document.querySelectorAll('button[data-agent]').forEach(function (button) {
    button.addEventListener('click', function () {
      if (!agent) { return; }
      agent.value = button.getAttribute('data-agent');
      if (rule) { rule.value = ''; }
      apply();
      var list = document.getElementById('calls');
      if (list) { list.scrollIntoView(); }
    });
  });

  // #call-<id> opens that conversation in place; #only:call-<id> shows it alone (to share
  // one conversation without the rest of the team's results).
  function openFromHash() {
    var root = document.documentElement;
    root.classList.remove('focus');
    calls.forEach(function (call) { call.classList.remove('focused'); });
    var hash;
    try { hash = decodeURIComponent(location.hash.slice(1)); } catch (e) { return; }
    var only = hash.indexOf('only:') === 0;
    var id = only ? hash.slice(5) : hash;
    if (!id) { return; }
    var target = document.getElementById(id);
    if (!target || target.tagName !== 'DETAILS') { return; }
    if (target.hidden) {
      [rule, agent, kind].forEach(function (select) { if (select) { select.value = ''; } });
      apply();
    }
    target.open = true;
    if (only) {
      root.classList.add('focus');
      target.classList.add('focused');
      window.scrollTo(0, 0);
    } else {
      target.scrollIntoView();
    }
  }
  window.addEventListener('hashchange', openFromHash);
  openFromHash();
})();
