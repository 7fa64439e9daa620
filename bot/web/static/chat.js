// Web chat: posts to /api/ask, shows answers (long ones folded behind "more"), sources as links, cards and
// quick replies; keeps the visible conversation in local storage with the user id it sends, so a reload
// shows the same thread and the bot keeps its context. Failures are not bot messages: being offline, the
// server not answering and the rate limit each get a notice of their own above the composer.
// Every text from the server is inserted with textContent, never as HTML.
(function () {
  "use strict";
  var thread = document.getElementById("thread");
  var quick = document.getElementById("quick");
  var form = document.getElementById("composer");
  var input = document.getElementById("text");
  var send = document.getElementById("send");
  var notice = document.getElementById("notice");
  var noticeText = document.getElementById("notice-text");
  var retry = document.getElementById("retry");
  var restart = document.getElementById("restart");

  var UID_KEY = "smartcity-user-id";
  var THREAD_KEY = "smartcity-thread";
  var MAX_SAVED = 200; // messages kept in storage; older ones are dropped first
  var GREETING = "สวัสดีครับ ถามเรื่องเมืองอัจฉริยะที่ได้รับการรับรองในประเทศไทยได้เลยครับ\nHello! Ask me about Thailand's certified smart cities.";
  var STARTERS = ["มีเมืองอัจฉริยะที่ไหนบ้าง", "ทำไมขอนแก่นเพิ่งได้รับรอง", "7 Smarts คืออะไร", "What is Phuket planning?"];

  // -- storage (private mode or a full quota: the chat still works, it is just not kept) ------------------
  function read(key) {
    try { return window.localStorage.getItem(key); } catch (e) { return null; }
  }
  function write(key, value) {
    try {
      if (value === null) window.localStorage.removeItem(key); else window.localStorage.setItem(key, value);
    } catch (e) { /* not kept */ }
  }
  function newUserId() {
    var id = "web-" + Math.random().toString(36).slice(2) + Date.now().toString(36);
    write(UID_KEY, id);
    return id;
  }

  var uid = read(UID_KEY) || newUserId();
  var items = [];      // the conversation: {who: "me", text} and {who: "bot", text, sources, source_links, fallback, card}
  var suggestions = STARTERS;
  var pending = null;  // {text, node}: the message that did not get through, for Retry
  var busy = false;
  var waitTimer = null;

  function loadThread() {
    try {
      var saved = JSON.parse(read(THREAD_KEY) || "null");
      // A thread belongs to the user id it was sent with: never show one conversation under another id.
      if (saved && saved.uid === uid && Array.isArray(saved.items)) {
        items = saved.items.filter(function (m) { return m && typeof m.text === "string"; });
        if (Array.isArray(saved.quick)) suggestions = saved.quick;
      }
    } catch (e) { items = []; }
  }
  function saveThread() {
    items = items.slice(-MAX_SAVED);
    write(THREAD_KEY, JSON.stringify({ uid: uid, items: items, quick: suggestions }));
  }

  // -- rendering ------------------------------------------------------------------------------------------
  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function scroll() { thread.scrollTop = thread.scrollHeight; }

  function isWebUrl(url) { return typeof url === "string" && /^https?:\/\/[^\s]+$/i.test(url); }

  function link(url, text, title) {
    var a = el("a", "", text);
    a.href = url; a.target = "_blank"; a.rel = "noopener noreferrer";
    if (title) a.title = title;
    return a;
  }

  // The source line with every name that has an address turned into its link; the sources the line does not
  // name (its "+2 more") are listed, folded, under it.
  function sourcesBlock(line, links) {
    var box = el("div", "sources");
    var todo = (links || []).filter(function (l) { return l && l.label && isWebUrl(l.url); });
    var rest = line;
    for (;;) {
      var best = null, at = -1;
      todo.forEach(function (l) {
        var i = rest.indexOf(l.label);
        if (i >= 0 && (at < 0 || i < at || (i === at && l.label.length > best.label.length))) { best = l; at = i; }
      });
      if (!best) break;
      box.appendChild(document.createTextNode(rest.slice(0, at)));
      box.appendChild(link(best.url, best.label, best.title));
      rest = rest.slice(at + best.label.length);
      todo.splice(todo.indexOf(best), 1);
    }
    box.appendChild(document.createTextNode(rest));
    if (todo.length) {
      var more = el("details", "more-sources");
      more.appendChild(el("summary", "", "ลิงก์แหล่งอื่น · other source links (" + todo.length + ")"));
      var list = el("ul");
      todo.forEach(function (l) {
        var li = el("li");
        li.appendChild(link(l.url, l.title || l.label));
        list.appendChild(li);
      });
      more.appendChild(list);
      box.appendChild(more);
    }
    return box;
  }

  // Fold an answer taller than about eight lines behind a "more" control (the height is measured, so a
  // narrow phone folds sooner than a wide screen).
  function foldIfLong(node, body) {
    body.classList.add("folded");
    if (body.scrollHeight <= body.clientHeight + 4) { body.classList.remove("folded"); return; }
    body.id = "answer-" + Math.random().toString(36).slice(2);
    var toggle = el("button", "more-toggle", "อ่านต่อ · more");
    toggle.type = "button";
    toggle.setAttribute("aria-expanded", "false");
    toggle.setAttribute("aria-controls", body.id);
    toggle.addEventListener("click", function () {
      var open = body.classList.toggle("folded") === false;
      toggle.textContent = open ? "ย่อ · less" : "อ่านต่อ · more";
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
    });
    node.appendChild(toggle);
  }

  function addMine(text) {
    var node = el("div", "msg me", text);
    node.setAttribute("data-role", "me");
    thread.appendChild(node);
    scroll();
    return node;
  }

  function addBot(m) {
    var node = el("div", "msg bot");
    node.setAttribute("data-role", "bot");
    if (m.fallback) node.classList.add("fallback");
    var text = m.text, sourcesLine = null;
    if (m.sources && m.sources.length) {
      // The answer ends with its sources line: show it smaller, under the answer, with links.
      var cut = text.lastIndexOf("\n");
      var last = cut >= 0 ? text.slice(cut + 1) : "";
      if (/^(ที่มา|Sources?):/.test(last)) { text = text.slice(0, cut); sourcesLine = last; }
    }
    var body = el("div", "body", text);
    node.appendChild(body);
    if (sourcesLine) node.appendChild(sourcesBlock(sourcesLine, m.source_links));
    thread.appendChild(node);
    foldIfLong(node, body);
    if (m.card) addCard(m.card);
    scroll();
    return node;
  }

  function addCard(card) {
    var box = el("div", "card");
    box.setAttribute("data-role", "card");
    box.appendChild(el("h3", "", card.title));
    if (card.subtitle) box.appendChild(el("div", "sub", card.subtitle));
    var dl = el("dl");
    (card.fields || []).forEach(function (f) {
      dl.appendChild(el("dt", "", f[0]));
      dl.appendChild(el("dd", "", f[1]));
    });
    box.appendChild(dl);
    if (isWebUrl(card.url)) box.appendChild(link(card.url, card.url));
    thread.appendChild(box);
  }

  function setQuickReplies(list) {
    suggestions = list || [];
    quick.textContent = "";
    suggestions.forEach(function (label) {
      var b = el("button", "", label);
      b.type = "button";
      b.addEventListener("click", function () { ask(label); });
      quick.appendChild(b);
    });
  }

  function showTyping() {
    var node = el("div", "msg bot typing");
    node.setAttribute("role", "status");
    node.setAttribute("aria-label", "กำลังพิมพ์ · typing");
    for (var i = 0; i < 3; i++) node.appendChild(el("span", "dot"));
    thread.appendChild(node);
    scroll();
    return node;
  }

  function renderAll() {
    thread.textContent = "";
    addBot({ text: GREETING });
    items.forEach(function (m) { if (m.who === "me") addMine(m.text); else addBot(m); });
    setQuickReplies(suggestions);
    scroll();
  }

  // -- notices: offline, server down, rate-limited ----------------------------------------------------------
  function hideNotice() {
    if (waitTimer) { window.clearInterval(waitTimer); waitTimer = null; }
    notice.hidden = true;
    notice.removeAttribute("data-state");
    notice.removeAttribute("data-wait");
    retry.disabled = false;
    send.disabled = busy;
  }

  function showNotice(state, text) {
    hideNotice();
    notice.setAttribute("data-state", state);
    noticeText.textContent = text;
    notice.hidden = false;
  }

  function showUnreachable() {
    if (navigator.onLine === false) {
      showNotice("offline", "ออฟไลน์อยู่ ข้อความยังไม่ถูกส่ง · You are offline: your message was not sent.");
    } else {
      showNotice("server", "เซิร์ฟเวอร์ไม่ตอบ ข้อความยังไม่ถูกส่ง · The server is not answering: your message was not sent.");
    }
  }

  // Counts down the seconds the server asked for; sending again before then would only be refused again.
  function showRateLimited(seconds) {
    var until = Date.now() + seconds * 1000;
    function tick() {
      var left = Math.ceil((until - Date.now()) / 1000);
      if (left > 0) {
        noticeText.textContent = "ส่งถี่เกินไป กรุณารอ " + left + " วินาที · Too many messages: please wait " + left + " s.";
        return;
      }
      window.clearInterval(waitTimer); waitTimer = null;
      noticeText.textContent = "ส่งอีกครั้งได้แล้ว · You can send again now.";
      retry.disabled = false;
      send.disabled = busy;
    }
    showNotice("rate-limited", "");
    notice.setAttribute("data-wait", String(seconds));
    retry.disabled = true;
    send.disabled = true;
    tick();
    waitTimer = window.setInterval(tick, 250);
  }

  function retryAfter(response, body) {
    var header = parseInt(response.headers.get("Retry-After") || "", 10);
    var seconds = !isNaN(header) ? header : parseInt((body && body.retry_after) || "", 10);
    if (isNaN(seconds)) seconds = 10;
    return Math.min(Math.max(seconds, 1), 3600);
  }

  // -- sending --------------------------------------------------------------------------------------------
  // A message that did not get through says so under its text, until it is sent again.
  function markFailed(node, failed) {
    node.classList.toggle("failed", failed);
    var note = node.querySelector(".unsent");
    if (failed && !note) node.appendChild(el("span", "unsent", "ยังไม่ได้ส่ง · not sent"));
    if (!failed && note) note.remove();
  }

  function post(text, node) {
    var session = uid; // an answer that comes back after "start over" belongs to the old conversation
    busy = true;
    send.disabled = true;
    markFailed(node, false);
    var typing = showTyping();
    fetch("/api/ask", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ text: text, user_id: uid })
    }).then(function (r) {
      if (r.status === 429) {
        return r.json().catch(function () { return {}; }).then(function (body) {
          throw { kind: "rate", seconds: retryAfter(r, body) };
        });
      }
      if (!r.ok) throw { kind: "server" };
      return r.json();
    }).then(function (data) {
      typing.remove();
      if (session !== uid) return;
      pending = null;
      var answer = { who: "bot", text: data.answer, sources: data.sources, source_links: data.source_links,
                     fallback: data.fallback, card: data.card };
      items.push({ who: "me", text: text }, answer);
      addBot(answer);
      setQuickReplies(data.quick_replies);
      saveThread();
    }).catch(function (err) {
      typing.remove();
      if (session !== uid) return;
      markFailed(node, true);
      pending = { text: text, node: node };
      busy = false;
      if (err && err.kind === "rate") showRateLimited(err.seconds); else showUnreachable();
    }).finally(function () {
      busy = false;
      if (notice.getAttribute("data-state") !== "rate-limited" || !waitTimer) send.disabled = false;
      input.focus();
    });
  }

  function ask(text) {
    text = (text || "").trim();
    if (!text || busy || send.disabled) return;
    hideNotice();
    pending = null; // a new message replaces the one that failed (that one stays marked "not sent")
    input.value = "";
    post(text, addMine(text));
  }

  retry.addEventListener("click", function () {
    if (!pending || busy) return;
    var p = pending;
    hideNotice();
    post(p.text, p.node);
  });

  window.addEventListener("online", function () {
    if (notice.getAttribute("data-state") === "offline") {
      showNotice("online", "กลับมาออนไลน์แล้ว กด ลองอีกครั้ง เพื่อส่ง · Back online: press Retry to send.");
    }
  });

  restart.addEventListener("click", function () {
    // A new user id too: the bot forgets the old conversation's context, as the page does.
    uid = newUserId();
    items = [];
    pending = null;
    hideNotice();
    write(THREAD_KEY, null);
    suggestions = STARTERS;
    renderAll();
    input.value = "";
    input.focus();
  });

  form.addEventListener("submit", function (e) { e.preventDefault(); ask(input.value); });
  loadThread();
  renderAll();
  input.focus();
})();
