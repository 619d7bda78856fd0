/*
 * The resident chat page. Plain ES2017, no framework, no external request, so it runs in
 * WeChat's in-app browser and old Android WebViews. Talks to /api/v1/*; keeps the
 * conversation id and the transcript in localStorage so a reload shows the same chat. The
 * page's form also posts without this script (to /ask); an exchange the server rendered into
 * the page that way is taken over here.
 */
(function () {
  'use strict';

  var STORE_KEY = 'qlb.web.v1';
  var MAX_ITEMS = 200;
  var TIMEOUT_MS = 20000;
  /* Shown for a reply with no text (the core's rate limit answers once, then with nothing) and for HTTP 429. */
  var LIMIT_NOTE = '您发得太快了,请稍等一分钟再问;急事请拨打 12348 公共法律服务热线。';
  var EMPTY_NOTE = '这次没有收到回答,请再发一次;急事请拨打 12348 公共法律服务热线。';
  var view = window.qlbView;
  var el = view.el;
  var log = document.getElementById('log');
  var form = document.getElementById('ask');
  var input = document.getElementById('q');
  var offline = document.getElementById('offline');
  var busy = document.getElementById('busy');
  var sizeButton = document.getElementById('size-btn');
  var conversationField = document.getElementById('conversation');
  var ID = /^[A-Za-z0-9_-]{8,64}$/;

  var handlers = {
    choose: function (choice) { send('/api/v1/choices', { choice: choice.id }, choice.label); },
    vote: function (item, useful) { vote(item, useful); },
    changed: function () { save(); }
  };
  var state = load();
  var nodes = new WeakMap();
  var queue = Promise.resolve();
  var failed = [];

  function newId() {
    var alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
    var bytes = new Uint8Array(22);
    var crypto = window.crypto || window.msCrypto;
    if (crypto && crypto.getRandomValues) crypto.getRandomValues(bytes);
    else for (var i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
    var id = '';
    for (var j = 0; j < bytes.length; j++) id += alphabet.charAt(bytes[j] & 63);
    return id;
  }

  function load() {
    try {
      var saved = JSON.parse(window.localStorage.getItem(STORE_KEY) || 'null');
      if (saved && ID.test(saved.conversation) && Array.isArray(saved.items)) return saved;
    } catch (e) { /* storage blocked or corrupt: start afresh */ }
    return { conversation: newId(), items: [], large: false };
  }

  function save() {
    if (state.items.length > MAX_ITEMS) state.items = state.items.slice(-MAX_ITEMS);
    try { window.localStorage.setItem(STORE_KEY, JSON.stringify(state)); } catch (e) { /* private mode: keep in memory */ }
  }

  function scrollDown() { log.scrollTop = log.scrollHeight; }

  /* A reply opens at its first line (a long answer at its title, the menu at its greeting), not at its end. */
  function showTop(node) { log.scrollTop = Math.max(0, node.offsetTop - 8); }

  function request(path, body) {
    return new Promise(function (resolve, reject) {
      var xhr = new XMLHttpRequest();
      xhr.open('POST', path);
      xhr.setRequestHeader('content-type', 'application/json');
      xhr.timeout = TIMEOUT_MS;
      xhr.onload = function () {
        var json = null;
        try { json = JSON.parse(xhr.responseText); } catch (e) { /* a proxy's HTML error page */ }
        if (xhr.status === 200 && json) resolve(json);
        else reject({ status: xhr.status, json: json });
      };
      xhr.onerror = xhr.ontimeout = function () { reject({ status: 0 }); };
      xhr.send(JSON.stringify(body));
    });
  }

  function renderItem(item) {
    if (item.who === 'bot') return view.reply(item, handlers);
    var node = el('div', 'msg me' + (item.failed ? ' failed' : ''), item.text);
    if (item.failed) node.appendChild(el('span', 'note', '未发出'));
    return node;
  }

  function append(item) {
    var node = renderItem(item);
    nodes.set(item, node);
    log.appendChild(node);
    return node;
  }

  function replaceNode(item) {
    var old = nodes.get(item);
    var next = renderItem(item);
    if (old && old.parentNode) old.parentNode.replaceChild(next, old);
    nodes.set(item, next);
    save();
  }

  function pushItem(item) {
    state.items.push(item);
    var node = append(item);
    if (item.who === 'bot') showTop(node); else scrollDown();
    save();
  }

  /* A reply is never shown as nothing. */
  function notEmpty(reply) {
    if (reply.text) return reply;
    var copy = {};
    Object.keys(reply).forEach(function (k) { copy[k] = reply[k]; });
    copy.text = reply.kind === 'limited' ? LIMIT_NOTE : EMPTY_NOTE;
    return copy;
  }

  /* Requests that could not reach the server wait here, in order, for 重试 or the network. */
  function showOffline(retry) {
    failed.push(retry);
    offline.hidden = false;
    scrollDown();
  }

  function clearOffline() {
    offline.hidden = true;
  }

  function retryFailed() {
    var waiting = failed;
    failed = [];
    clearOffline();
    waiting.forEach(function (retry) { retry(); });
  }

  function problem(error) {
    if (error && error.status === 429) return LIMIT_NOTE;
    if (error && error.status >= 400 && error.status < 500) return '这条消息没能发送,请换个说法再试。';
    return null;
  }

  /* One request at a time, in order; the shown text of a typed message or pressed button. */
  function send(path, fields, shown) {
    var mine = shown ? { who: 'me', text: shown } : null;
    if (mine) pushItem(mine);
    var body = { conversation: state.conversation };
    Object.keys(fields).forEach(function (k) { body[k] = fields[k]; });
    /* Its own id, sent again with every retry: the server answers a message once. */
    if (path === '/api/v1/messages') body.clientMessageId = newId();
    var attempt = function () {
      busy.hidden = false;
      return request(path, body).then(function (reply) {
        busy.hidden = true;
        if (failed.length) retryFailed(); else clearOffline();
        if (mine && mine.failed) { mine.failed = false; replaceNode(mine); }
        /* With staff: the bot says nothing (staff answer through the poll). */
        if (reply.kind === 'handoff') pollStaff();
        if (reply.kind === 'handoff' && !reply.text) return;
        pushItem({ who: 'bot', reply: notEmpty(reply) });
      }, function (error) {
        busy.hidden = true;
        var text = problem(error);
        if (text) { pushItem({ who: 'bot', reply: { kind: error.status === 429 ? 'limited' : 'error', text: text } }); return; }
        if (mine && !mine.failed) { mine.failed = true; replaceNode(mine); }
        showOffline(function () { queue = queue.then(attempt); });
      });
    };
    queue = queue.then(attempt);
    return queue;
  }

  function vote(item, useful) {
    var attempt = function () {
      return request('/api/v1/feedback', { conversation: state.conversation, useful: useful, entry: item.reply.entry }).then(function (reply) {
        clearOffline();
        item.thanks = (useful ? '👍 ' : '👎 ') + (reply.text || '谢谢您的反馈!');
        replaceNode(item);
      }, function (error) {
        /* 409: not counted (rated already, or the conversation expired): say so where the buttons were. */
        if (error && error.status === 409) {
          item.thanks = (error.json && error.json.error && error.json.error.message) || '这个评价没有计入。';
          replaceNode(item);
          return;
        }
        if (problem(error)) return;
        showOffline(function () { queue = queue.then(attempt); });
      });
    };
    queue = queue.then(attempt);
  }

  /*
   * While the conversation is with staff, ask every POLL_MS what they said after the lines
   * already shown; shown as "工作人员 X 号:…"; stops when the handoff ends (the bot answers again).
   */
  var POLL_MS = 1500;
  var polling = false;
  function pollStaff() {
    if (polling) return;
    polling = true;
    var tick = function () {
      request('/api/v1/handoff', { conversation: state.conversation, after: state.handoffSeen || 0 }).then(function (answer) {
        (answer.lines || []).forEach(function (line) {
          var text = line.staff ? line.staff + ':' + line.text : line.text;
          pushItem({ who: 'bot', reply: { kind: line.from === 'staff' ? 'staff' : 'handoff', text: text } });
        });
        state.handoffSeen = answer.next;
        save();
        if (answer.status === 'waiting' || answer.status === 'taken') setTimeout(tick, POLL_MS);
        else polling = false;
      }, function () { setTimeout(tick, POLL_MS * 4); });
    };
    tick();
  }

  function setLarge(large) {
    state.large = large;
    document.documentElement.className = large ? 'js large' : 'js';
    sizeButton.setAttribute('aria-pressed', large ? 'true' : 'false');
  }

  function validItem(item) {
    if (!item || typeof item !== 'object') return false;
    if (item.who === 'me') return typeof item.text === 'string';
    return item.who === 'bot' && Boolean(item.reply) && typeof item.reply.text === 'string' && typeof item.reply.kind === 'string';
  }

  /*
   * A page the server rendered for a question posted before this script arrived (or without
   * it): its exchange is `#log [data-item]` nodes (JSON of a transcript item) and its
   * conversation the hidden field's value; both are taken over, after what this phone kept.
   */
  function adoptRendered() {
    var rendered = log.querySelectorAll('[data-item]');
    if (ID.test(conversationField.value)) state.conversation = conversationField.value;
    for (var i = 0; i < rendered.length; i++) {
      try {
        var item = JSON.parse(rendered[i].getAttribute('data-item'));
        if (validItem(item)) state.items.push(item);
      } catch (e) { /* not ours: leave it out */ }
    }
    log.textContent = '';
    if (rendered.length) save();
  }

  function start() {
    setLarge(Boolean(state.large));
    adoptRendered();
    conversationField.value = state.conversation;
    var last = null;
    state.items.forEach(function (item) {
      var node = append(item);
      if (item.who === 'bot') last = node;
    });
    if (last) showTop(last); else scrollDown();
    if (state.items.length === 0) send('/api/v1/messages', { command: 'start' });
    else pollStaff();
  }

  function submitText() {
    var text = input.value.replace(/^\s+|\s+$/g, '');
    input.value = '';
    input.focus();
    if (text) send('/api/v1/messages', { text: text }, text);
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    submitText();
  });
  input.addEventListener('keydown', function (event) {
    // Enter sends; Shift+Enter is a new line; Enter that confirms a Chinese IME word does neither.
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing && event.keyCode !== 229) {
      event.preventDefault();
      submitText();
    }
  });
  /* An example question fills the input, to send as it is or change first (without this script it is posted). */
  Array.prototype.forEach.call(document.querySelectorAll('.example'), function (button) {
    button.addEventListener('click', function (event) {
      event.preventDefault();
      input.value = button.value;
      input.focus();
    });
  });
  document.getElementById('menu-btn').addEventListener('click', function () {
    send('/api/v1/messages', { command: 'menu' }, '菜单');
  });
  sizeButton.addEventListener('click', function () {
    setLarge(!state.large);
    save();
  });
  document.getElementById('clear-btn').addEventListener('click', function () {
    if (!window.confirm('清空本机的对话记录,开始新的对话?')) return;
    state = { conversation: newId(), items: [], large: state.large };
    conversationField.value = state.conversation;
    log.textContent = '';
    failed = [];
    clearOffline();
    save();
    send('/api/v1/messages', { command: 'start' });
  });
  document.getElementById('retry-btn').addEventListener('click', retryFailed);
  /* 算一算: its result comes into the chat as the bot's reply (not rated: it is no answer of this conversation). */
  if (window.qlbCalc) {
    window.qlbCalc.start({
      request: request,
      show: function (shown, reply) {
        var copy = notEmpty(reply);
        if (copy === reply) { copy = {}; Object.keys(reply).forEach(function (k) { copy[k] = reply[k]; }); }
        copy.entry = null;
        pushItem({ who: 'me', text: shown });
        pushItem({ who: 'bot', reply: copy });
      }
    });
  }
  window.addEventListener('online', retryFailed);

  start();
})();
