/*
 * How the chat page shows one bot reply: every phone number a tap-to-call link, choices as
 * buttons (a numbered list, or a "您还可以问:A / B" line, that the reply also offers as
 * choices), a long answer first as its key lines with 展开全部, call buttons for the reply's
 * main numbers, terms the reply marks glossed where they first appear, the source line small,
 * 👍 / 👎 under answers, 复制 / 打印 under the end of a guided flow. Plain ES2017; builds nodes with textContent only, so no reply text is
 * ever parsed as HTML.
 */
(function () {
  'use strict';

  var HOTLINES = {
    '110': '报警', '119': '火警', '120': '急救', '122': '交通事故报警', '12345': '政务服务热线',
    '12348': '法律服务热线', '12333': '人社服务热线', '12338': '妇女维权热线', '12356': '心理援助热线',
    '12309': '检察服务热线', '12315': '消费投诉热线', '12355': '青少年服务台', '12368': '法院诉讼服务热线',
    '96110': '反诈专线', '12351': '职工服务热线'
  };
  /* An answer with more characters than this (about 1.3 phone screens at 18 px) opens at its key lines. */
  var LONG_CHARS = 240;
  /* A character right after a number that makes it an amount, a count or a date, not a phone number. */
  var UNITS = '年月日号元角万亿千百块岁周天人名位户宗件项次场条个家所间台辆亩米克斤倍余多%％‰';
  /* Words just before a number that say it is one to call (for numbers not known as hotlines). */
  var CUE = /(?:电话|热线|专线|拨打|致电|打|tel|call)[::\s]*$/i;
  /* Lines that say where to go: kept in view when a long answer is folded. */
  var PLACE = /窗口|地址|大厅|地点|在哪/;
  var seq = 0;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function isPhone(raw, digits, before) {
    if (raw.indexOf('-') >= 0) return /^0\d{2,3}-\d{7,8}$/.test(raw) || /^[48]00-\d{3}-\d{4}$/.test(raw);
    if (HOTLINES[digits] || /^123\d\d$/.test(digits) || /^9[56]\d{3}$/.test(digits)) return true;
    if (/^1[3-9]\d{9}$/.test(digits) || /^0\d{9,11}$/.test(digits) || /^[48]00\d{7}$/.test(digits)) return true;
    return digits.length <= 11 && CUE.test(before);
  }

  /* The phone numbers in a text, as [{start, end, number}]; not years, amounts, counts or article numbers. */
  function phones(text) {
    var found = [];
    var re = /\d[\d-]*\d/g;
    var m;
    while ((m = re.exec(text))) {
      var raw = m[0];
      var digits = raw.replace(/-/g, '');
      var before = text.charAt(m.index - 1);
      var after = text.charAt(m.index + raw.length);
      if (digits.length < 3 || digits.length > 12 || /[A-Za-z_./]/.test(before) || before === '第') continue;
      var next = text.charAt(m.index + raw.length + 1);
      if (after && UNITS.indexOf(after) >= 0 && after + next !== '人社') continue;
      if (after === '.' && /\d/.test(next)) continue;
      if (isPhone(raw, digits, text.slice(Math.max(0, m.index - 6), m.index))) found.push({ start: m.index, end: m.index + raw.length, number: digits });
    }
    return found;
  }

  /* Appends text with each phone number in it as a tel: link. */
  function appendText(parent, text) {
    var at = 0;
    phones(text).forEach(function (p) {
      if (p.start > at) parent.appendChild(document.createTextNode(text.slice(at, p.start)));
      var a = el('a', 'tel', text.slice(p.start, p.end));
      a.href = 'tel:' + p.number;
      parent.appendChild(a);
      at = p.end;
    });
    if (at < text.length) parent.appendChild(document.createTextNode(text.slice(at)));
  }

  /* Appends text, glossing the first appearance of each still pending term (then no longer pending). */
  function appendRich(parent, text, pending) {
    for (;;) {
      var hit = null;
      pending.forEach(function (g) {
        var i = text.indexOf(g.term);
        if (i >= 0 && (!hit || i < hit.at)) hit = { at: i, g: g };
      });
      if (!hit) return appendText(parent, text);
      appendText(parent, text.slice(0, hit.at));
      parent.appendChild(el('span', 'term', hit.g.term));
      parent.appendChild(el('span', 'gloss', '(' + hit.g.gloss + ')'));
      pending.splice(pending.indexOf(hit.g), 1);
      text = text.slice(hit.at + hit.g.term.length);
    }
  }

  /* The reply's `glossary` ([{term, gloss}]), less the glosses its text already gives. */
  function glossary(reply) {
    return (Array.isArray(reply.glossary) ? reply.glossary : []).filter(function (g) {
      return g && typeof g.term === 'string' && g.term && typeof g.gloss === 'string' && g.gloss && reply.text.indexOf(g.gloss) < 0;
    });
  }

  /* "您还可以问:A / B" where every one of A, B is a choice of the reply: {lead, choices}. */
  function offeredLine(line, byLabel) {
    var parts = line.split(' / ');
    var lead = null;
    var found = [];
    Object.keys(byLabel).forEach(function (label) {
      var at = parts[0].length - label.length;
      if (at > 0 && parts[0].slice(at) === label && /[::]$/.test(parts[0].slice(0, at)) && (lead === null || at < lead.length)) {
        lead = parts[0].slice(0, at);
        found[0] = byLabel[label];
      }
    });
    if (lead === null) return null;
    for (var i = 1; i < parts.length; i++) {
      if (!byLabel[parts[i]]) return null;
      found.push(byLabel[parts[i]]);
    }
    return { lead: lead, choices: found };
  }

  /* The reply's text less its source line, as blocks: {text} lines and {choices, label} groups. */
  function blocks(reply) {
    var lines = reply.text.split('\n');
    if (reply.source && lines[lines.length - 1] === reply.source) lines.pop();
    var byLine = {};
    var byLabel = {};
    (reply.choices || []).forEach(function (c) { byLine[c.n + '. ' + c.label] = c; byLabel[c.label] = c; });
    var out = [];
    var group = function (choices, label) {
      var last = out[out.length - 1];
      if (last && last.choices && !label) last.choices = last.choices.concat(choices);
      else out.push({ choices: choices, label: label || '请选择' });
    };
    lines.forEach(function (line) {
      var offered = offeredLine(line, byLabel);
      if (byLine[line]) group([byLine[line]]);
      else if (offered) { out.push({ text: offered.lead }); group(offered.choices, offered.lead.replace(/[::]$/, '')); }
      else if (line.replace(/\s+/g, '')) out.push({ text: line });
    });
    return out;
  }

  /* For a long answer, which blocks fold away: all but the lead and title, the first step, where to go and whom to call. */
  function folded(blocks) {
    var chars = 0;
    var title = -1;
    blocks.forEach(function (b, i) {
      if (b.choices) return;
      chars += b.text.length;
      if (title < 0 && b.text.charAt(0) === '【') title = i;
    });
    if (chars <= LONG_CHARS) return [];
    var first = title + 1;
    while (blocks[first] && blocks[first].choices) first++;
    var fold = blocks.map(function (b, i) {
      if (b.choices) return true;
      return !(i <= first || /^先这样做/.test(b.text) || PLACE.test(b.text) || phones(b.text).length);
    });
    return fold.filter(Boolean).length >= 2 ? fold : [];
  }

  function expandButton(item, body, on) {
    var more = body.querySelectorAll('.more');
    var button = el('button', 'expand');
    button.type = 'button';
    button.setAttribute('aria-controls', body.id);
    var show = function (open) {
      item.open = open;
      for (var i = 0; i < more.length; i++) more[i].hidden = !open;
      button.textContent = open ? '收起' : '展开全部';
      button.setAttribute('aria-expanded', open ? 'true' : 'false');
    };
    show(Boolean(item.open));
    button.addEventListener('click', function () {
      show(!item.open);
      if (on.changed) on.changed(item);
    });
    return button;
  }

  /* The numbers to offer as call buttons: the reply's `call`, else the first number its text gives. */
  function mainNumbers(reply, parts) {
    if (reply.call && reply.call.length) return reply.call;
    var texts = parts.filter(function (b) { return b.text; }).map(function (b) { return b.text; }).concat(reply.source || '');
    for (var i = 0; i < texts.length; i++) {
      var found = phones(texts[i]);
      if (found.length) return [found[0].number];
    }
    return [];
  }

  function callLinks(numbers, urgent, under) {
    var box = el('div', 'calls' + (under ? ' under' : ''));
    numbers.forEach(function (n) {
      if (!/^[0-9]{3,12}$/.test(n)) return;
      var a = el('a', 'call' + (urgent ? '' : ' hotline'), '拨打 ' + n + (HOTLINES[n] ? ' ' + HOTLINES[n] : ''));
      a.href = 'tel:' + n;
      box.appendChild(a);
    });
    return box;
  }

  function choiceButtons(block, on) {
    var box = el('div', 'choices');
    box.setAttribute('role', 'group');
    box.setAttribute('aria-label', block.label);
    block.choices.forEach(function (c) {
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

  /*
   * The end of a guided flow, to take away: its text less the 重新回答 button line, copied to
   * forward in WeChat, or printed alone (A4 or phone) by the print styles of .print-me.
   */
  function takeawayText(reply) {
    var labels = {};
    (reply.choices || []).forEach(function (c) { labels[c.n + '. ' + c.label] = true; });
    return reply.text.split('\n').filter(function (line) { return !labels[line]; }).join('\n');
  }

  function copyText(text, done) {
    var finish = function (ok) { done(ok ? '已复制,可以粘贴到微信发给窗口或村(居)法律顾问' : '没能复制,请长按文字自己选择复制'); };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(function () { finish(true); }, function () { finish(fallbackCopy(text)); });
    } else finish(fallbackCopy(text));
  }

  /* Old WebViews: a hidden textarea and execCommand. */
  function fallbackCopy(text) {
    var area = el('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'absolute';
    area.style.left = '-9999px';
    document.body.appendChild(area);
    area.select();
    var ok;
    try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
    document.body.removeChild(area);
    return ok;
  }

  function takeaway(reply, node) {
    var box = el('div', 'takeaway');
    box.setAttribute('role', 'group');
    box.setAttribute('aria-label', '带走这份结果');
    var status = el('p', 'takeaway-status');
    status.setAttribute('aria-live', 'polite');
    var copy = el('button', '', '复制全文(转发微信)');
    copy.type = 'button';
    copy.addEventListener('click', function () { copyText(takeawayText(reply), function (said) { status.textContent = said; }); });
    var print = el('button', '', '打印 / 存为PDF');
    print.type = 'button';
    print.addEventListener('click', function () {
      node.className += ' print-me';
      document.body.className += ' printing';
      try { window.print(); } finally {
        node.className = node.className.replace(/ print-me/g, '');
        document.body.className = document.body.className.replace(/ printing/g, '');
      }
    });
    box.appendChild(copy);
    box.appendChild(print);
    box.appendChild(status);
    return box;
  }

  function renderBot(item, on) {
    var reply = item.reply;
    var red = reply.kind === 'emergency' || Boolean(reply.call && reply.call.length);
    var urgent = reply.kind === 'emergency' && reply.call && reply.call.length;
    var node = el('div', 'msg bot' + (reply.kind === 'emergency' ? ' emergency' : ''));
    if (reply.kind === 'emergency') node.setAttribute('role', 'alert');
    if (urgent) node.appendChild(callLinks(reply.call, true, false));
    var parts = blocks(reply);
    var fold = reply.kind === 'answer' ? folded(parts) : [];
    var pending = glossary(reply);
    var body = el('div', 'body');
    body.id = 'reply-' + (++seq);
    parts.forEach(function (b, i) {
      var part = b.choices ? choiceButtons(b, on) : el('p');
      if (b.text) appendRich(part, b.text, pending);
      if (fold[i]) part.className += ' more';
      body.appendChild(part);
    });
    node.appendChild(body);
    if (fold.length) node.appendChild(expandButton(item, body, on));
    var numbers = urgent || reply.kind === 'menu' || reply.kind === 'clarify' ? [] : mainNumbers(reply, parts);
    if (numbers.length) node.appendChild(callLinks(numbers, red, true));
    if (reply.source) appendText(node.appendChild(el('p', 'source')), reply.source);
    if (reply.flow && reply.flow.event === 'done') {
      node.className += ' flow-done';
      node.appendChild(takeaway(reply, node));
    }
    if (reply.kind === 'answer' && reply.entry) {
      if (item.thanks) node.appendChild(el('p', 'thanks', item.thanks));
      else node.appendChild(voteBox(item, on));
    }
    return node;
  }

  /* The script's one global: reply(item, {choose(choice), vote(item, useful), changed(item)}) → a node; el; phones. */
  window.qlbView = { reply: renderBot, el: el, phones: phones };
})();
