/*
 * The page's "算一算" form: choose a calculator, fill its dates and amounts, and the result (the
 * figure, how it was computed, the articles, what would change it) comes into the chat as the
 * bot's reply, from POST /api/v1/calculate — the same calculators as a question in the chat.
 * Plain ES2017, no request elsewhere. Without the script the form stays hidden (it has no
 * server-side fallback). app.js starts it with its request and its way of showing a reply.
 */
(function () {
  'use strict';

  /* Yuan as the API takes it: digits with at most two decimals, never a float. */
  var YUAN = /^\d{1,13}(\.\d{1,2})?$/;

  function start(app) {
    var box = document.getElementById('calc');
    var form = document.getElementById('calc-form');
    var kind = document.getElementById('calc-kind');
    var error = document.getElementById('calc-error');
    var button = document.getElementById('calc-btn');
    if (!box || !form) return;
    var fields = form.querySelectorAll('[data-for]');

    function value(id) {
      var node = document.getElementById(id);
      return node ? node.value.replace(/^\s+|\s+$/g, '') : '';
    }

    /* A field shows for its calculator ("deadline:civil-limitation") or its whole kind ("deadline"). */
    function showFields() {
      var chosen = kind.value;
      var family = chosen.split(':')[0];
      for (var i = 0; i < fields.length; i++) {
        var names = fields[i].getAttribute('data-for').split(' ');
        fields[i].hidden = names.indexOf(chosen) < 0 && names.indexOf(family) < 0;
      }
      error.hidden = true;
    }

    function fail(text) {
      error.textContent = text;
      error.hidden = false;
    }

    function yuan(id, name, body) {
      var text = value(id).replace(/[,,\s]/g, '').replace(/元$/, '');
      if (!text) return true;
      if (!YUAN.test(text)) { fail(name + '请只填数字,如 6000 或 6000.50'); return false; }
      body[id === 'calc-amount' ? 'amount' : 'wage'] = text;
      return true;
    }

    function date(id, name, body) {
      var text = value(id);
      if (text) body[name] = text;
    }

    /* The request body of the chosen calculator, or null after saying what is wrong. */
    function bodyOf() {
      var parts = kind.value.split(':');
      var body = {};
      if (parts[0] === 'deadline') {
        body.calculation = 'deadline';
        body.rule = parts[1];
        date('calc-event', 'event', body);
        if (!document.getElementById('calc-restart').parentNode.hidden) date('calc-restart', 'restart', body);
        return body;
      }
      if (parts[0] === 'court-fee') {
        body.calculation = 'court-fee';
        body.kind = parts[1];
        if (parts[1] !== 'labour' && !yuan('calc-amount', '金额', body)) return null;
        if (document.getElementById('calc-simple').checked) body.simple = true;
        return body;
      }
      body.calculation = parts[0];
      if (!yuan('calc-wage', '月工资', body)) return null;
      if (parts[0] === 'double-wages') {
        date('calc-start', 'start', body);
        date('calc-signed', 'signed', body);
        date('calc-left', 'left', body);
        return body;
      }
      var years = value('calc-years');
      var months = value('calc-months');
      if (years || months) {
        var y = years ? Number(years) : 0;
        var m = months ? Number(months) : 0;
        if (!(y >= 0 && y <= 70 && y % 1 === 0 && m >= 0 && m <= 11 && m % 1 === 0)) { fail('工作年限请填整数:年 0 到 70,月 0 到 11'); return null; }
        body.service = { years: y, months: m };
      }
      return body;
    }

    function submit(event) {
      event.preventDefault();
      error.hidden = true;
      var body = bodyOf();
      if (!body) return;
      var label = kind.options[kind.selectedIndex].text;
      button.disabled = true;
      app.request('/api/v1/calculate', body).then(function (reply) {
        button.disabled = false;
        box.open = false;
        app.show('算一算:' + label, reply);
      }, function (problem) {
        button.disabled = false;
        var said = problem && problem.json && problem.json.error && problem.json.error.message;
        fail(said || '连不上服务器,没有算出来。请检查网络后再点“计算”。');
      });
    }

    box.hidden = false;
    kind.addEventListener('change', showFields);
    form.addEventListener('submit', submit);
    showFields();
  }

  window.qlbCalc = { start: start };
})();
