/*
 * How the chat page shows one bot reply: emergency call links first, the text with any listed
 * choices turned into buttons, the source line small, 👍 / 👎 under answers. Plain ES2017;
 * builds nodes with textContent only, so no reply text is ever parsed as HTML.
 */
(function () {
  'use strict';

  var HOTLINES = {
    '110': '报警', '119': '火警', '120': '急救', '122': '交通事故报警', '12345': '政务服务热线',
    '12348': '法律服务热线', '12333': '人社服务热线', '12338': '妇女维权热线', '12356': '心理援助热线',
    '12309': '检察服务热线', '12315': '消费投诉热线', '12355': '青少年服务台', '12368': '法院诉讼服务热线',
    '96110': '反诈专线', '12351': '职工服务热线'
  };

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /* Lines `n. label` of a list the reply also offers as choices: shown as buttons instead. */
  function splitText(reply) {
    var lines = reply.text.split('\n');
    if (reply.source && lines[lines.length - 1] === reply.source) lines.pop();
    var listed = {};
    (reply.choices || []).forEach(function (c) { listed[c.n + '. ' + c.label] = true; });
    var before = [], after = [], seen = false;
    lines.forEach(function (line) {
      if (listed[line]) seen = true;
      else (seen ? after : before).push(line);
    });
    return { before: before.join('\n'), after: after.join('\n') };
  }

  function callLinks(numbers) {
    var box = el('div', 'calls');
    numbers.forEach(function (n) {
      if (!/^[0-9]{3,6}$/.test(n)) return;
      var a = el('a', 'call', '拨打 ' + n + (HOTLINES[n] ? ' ' + HOTLINES[n] : ''));
      a.href = 'tel:' + n;
      box.appendChild(a);
    });
    return box;
  }

  function choiceButtons(choices, on) {
    var box = el('div', 'choices');
    box.setAttribute('role', 'group');
    box.setAttribute('aria-label', '请选择');
    choices.forEach(function (c) {
      var b = el('button', 'choice', c.n + '. ' + c.label);
      b.type = 'button';
      b.addEventListener('click', function () { on.choose(c); });
      box.appendChild(b);
    });
    return box;
  }

  function voteBox(item, on) {
    var box = el('div', 'vote');
    box.setAttribute('role', 'group');
    box.setAttribute('aria-label', '这个回答有用吗');
    box.appendChild(el('span', '', '这个回答有用吗?'));
    [[true, '👍 有用'], [false, '👎 没用']].forEach(function (pair) {
      var b = el('button', '', pair[1]);
      b.type = 'button';
      b.addEventListener('click', function () { on.vote(item, pair[0]); });
      box.appendChild(b);
    });
    return box;
  }

  function renderBot(item, on) {
    var reply = item.reply;
    var node = el('div', 'msg bot' + (reply.kind === 'emergency' ? ' emergency' : ''));
    if (reply.kind === 'emergency') node.setAttribute('role', 'alert');
    if (reply.call && reply.call.length) node.appendChild(callLinks(reply.call));
    var parts = splitText(reply);
    if (parts.before) node.appendChild(el('p', '', parts.before));
    if (reply.choices && reply.choices.length) node.appendChild(choiceButtons(reply.choices, on));
    if (parts.after) node.appendChild(el('p', '', parts.after));
    if (reply.source) node.appendChild(el('p', 'source', reply.source));
    if (reply.kind === 'answer' && reply.entry) {
      if (item.thanks) node.appendChild(el('p', 'thanks', item.thanks));
      else node.appendChild(voteBox(item, on));
    }
    return node;
  }

  /* The script's one global: reply(item, {choose(choice), vote(item, useful)}) → a node; el. */
  window.qlbView = { reply: renderBot, el: el };
})();
