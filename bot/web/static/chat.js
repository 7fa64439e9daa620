// Web chat: posts to /api/ask, shows answers, sources, cards and quick replies.
// Every text from the server is inserted with textContent, never as HTML.
(function () {
  "use strict";
  var thread = document.getElementById("thread");
  var quick = document.getElementById("quick");
  var form = document.getElementById("composer");
  var input = document.getElementById("text");
  var send = document.getElementById("send");

  function userId() {
    var key = "smartcity-user-id";
    var id = null;
    try { id = window.localStorage.getItem(key); } catch (e) { /* private mode */ }
    if (!id) {
      id = "web-" + Math.random().toString(36).slice(2) + Date.now().toString(36);
      try { window.localStorage.setItem(key, id); } catch (e) { /* keep it for this page only */ }
    }
    return id;
  }
  var uid = userId();

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function scroll() { thread.scrollTop = thread.scrollHeight; }

  function addMessage(who, text, extra) {
    var node = el("div", "msg " + who);
    var body = text;
    var sourcesLine = null;
    if (extra && extra.sources && extra.sources.length) {
      // The answer ends with its sources line: show it smaller, under the answer.
      var cut = text.lastIndexOf("\n");
      var last = cut >= 0 ? text.slice(cut + 1) : "";
      if (/^(ที่มา|Sources?):/.test(last)) { body = text.slice(0, cut); sourcesLine = last; }
    }
    node.appendChild(document.createTextNode(body));
    if (sourcesLine) node.appendChild(el("span", "sources", sourcesLine));
    node.setAttribute("data-role", who);
    if (extra && extra.fallback) node.classList.add("fallback");
    thread.appendChild(node);
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
    if (card.url && /^https?:\/\//.test(card.url)) {
      var a = el("a", "", card.url);
      a.href = card.url; a.target = "_blank"; a.rel = "noopener noreferrer";
      box.appendChild(a);
    }
    thread.appendChild(box);
    scroll();
  }

  function setQuickReplies(items) {
    quick.textContent = "";
    (items || []).forEach(function (label) {
      var b = el("button", "", label);
      b.type = "button";
      b.addEventListener("click", function () { ask(label); });
      quick.appendChild(b);
    });
  }

  function ask(text) {
    text = (text || "").trim();
    if (!text) return;
    addMessage("me", text);
    input.value = "";
    send.disabled = true;
    var typing = addMessage("bot typing", "…");
    fetch("/api/ask", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ text: text, user_id: uid })
    }).then(function (r) {
      if (!r.ok) throw new Error("HTTP " + r.status);
      return r.json();
    }).then(function (data) {
      typing.remove();
      var answer = data.answer;
      addMessage("bot", answer, data);
      if (data.card) addCard(data.card);
      setQuickReplies(data.quick_replies);
    }).catch(function () {
      typing.remove();
      addMessage("bot", "ขออภัยครับ ระบบขัดข้องชั่วคราว ลองใหม่อีกครั้งนะครับ / Sorry, something went wrong. Please try again.");
    }).finally(function () {
      send.disabled = false;
      input.focus();
    });
  }

  form.addEventListener("submit", function (e) { e.preventDefault(); ask(input.value); });
  addMessage("bot", "สวัสดีครับ ถามเรื่องเมืองอัจฉริยะที่ได้รับการรับรองในประเทศไทยได้เลยครับ\nHello! Ask me about Thailand's certified smart cities.");
  setQuickReplies(["มีเมืองอัจฉริยะที่ไหนบ้าง", "ทำไมขอนแก่นเพิ่งได้รับรอง", "7 Smarts คืออะไร", "What is Phuket planning?"]);
  input.focus();
})();
