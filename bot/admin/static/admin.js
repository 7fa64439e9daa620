// Staff pages: the entry editor's preview ("what the bot sends"), its "Try it" box, and the check before a
// save that would take lines away from what people see. All server text goes in with textContent.
(function () {
  "use strict";
  var form = document.getElementById("entry-form");
  if (!form) return;
  var previewBox = document.getElementById("preview");
  var box = document.getElementById("try-it");
  var input = document.getElementById("try-text");
  var result = document.getElementById("try-result");

  function lines(name) {
    return (form.elements[name].value || "").split("\n").map(function (s) { return s.trim(); }).filter(Boolean);
  }
  function picked(name) {
    return Array.prototype.filter.call(form.querySelectorAll('input[name="' + name + '"]'), function (box) {
      return box.type !== "checkbox" || box.checked;
    }).map(function (box) { return box.value; });
  }
  function list(name) {
    return (form.elements[name].value || "").split(",").map(function (s) { return s.trim(); }).filter(Boolean);
  }
  function draft() {
    return {
      id: form.elements.id ? form.elements.id.value || undefined : undefined,
      intent: form.elements.intent.value || null,
      questions: { th: lines("questions_th"), en: lines("questions_en") },
      answer: { th: form.elements.answer_th.value, en: form.elements.answer_en.value },
      detail: { th: form.elements.detail_th.value, en: form.elements.detail_en.value },
      cities: picked("cities"), topics: list("topics"), source: form.elements.source.value
    };
  }
  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function post(url, csrf, body) {
    return fetch(url, {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrf },
      body: JSON.stringify(body)
    }).then(function (r) { return r.json().then(function (b) { return { ok: r.ok, body: b }; }); });
  }

  // -- the phone preview: the same markup as templates/admin/_bubble.html --------------------------------
  function phone(view, lang) {
    var wrap = el("div", "phone");
    wrap.setAttribute("lang", lang);
    wrap.appendChild(el("div", "bubble bot", view.answer));
    if (view.quick_replies && view.quick_replies.length) {
      var quick = el("div", "quick");
      view.quick_replies.forEach(function (q) { quick.appendChild(el("span", "chip", q)); });
      wrap.appendChild(quick);
    }
    if (view.more) {
      var more = el("details", "more");
      more.appendChild(el("summary", "", previewBox.getAttribute("data-no-more")));
      more.appendChild(el("div", "bubble bot", view.more.answer));
      wrap.appendChild(more);
    }
    return wrap;
  }
  var lost = [];
  var seq = 0;
  function showPreview(body) {
    ["th", "en"].forEach(function (lang) {
      var slot = document.getElementById("preview-" + lang);
      slot.textContent = "";
      slot.appendChild(phone(body.after[lang], lang));
    });
    var changes = document.getElementById("changes");
    var ul = document.getElementById("change-lines");
    ul.textContent = "";
    lost = [];
    ["th", "en"].forEach(function (lang) {
      (body.dropped[lang] || []).forEach(function (line) { ul.appendChild(el("li", "del", "− " + line)); });
      (body.added[lang] || []).forEach(function (line) { ul.appendChild(el("li", "add", "+ " + line)); });
      lost = lost.concat(body.lost[lang] || []);
    });
    changes.hidden = !ul.children.length;
    var warn = document.getElementById("lost");
    var lostUl = document.getElementById("lost-lines");
    lostUl.textContent = "";
    lost.forEach(function (line) { lostUl.appendChild(el("li", "", line)); });
    warn.hidden = !lost.length;
    if (!lost.length) document.getElementById("lost-ok").checked = false;
  }
  function refresh() {
    if (!previewBox) return;
    var mine = ++seq;
    var status = document.getElementById("preview-status");
    status.textContent = previewBox.getAttribute("data-wait");
    post(previewBox.getAttribute("data-url"), previewBox.getAttribute("data-csrf"), { draft: draft() })
      .then(function (res) {
        if (mine !== seq) return;  // a newer edit's preview is on its way
        if (!res.ok) { status.textContent = previewBox.getAttribute("data-invalid"); return; }
        status.textContent = "";
        showPreview(res.body);
      }).catch(function () { if (mine === seq) status.textContent = ""; });
  }
  var timer = null;
  form.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(refresh, 400);
  });
  refresh();
  form.addEventListener("submit", function (event) {
    // A save that takes lines away from what people see needs the box ticked first.
    if (lost.length && !document.getElementById("lost-ok").checked) {
      event.preventDefault();
      document.getElementById("lost").scrollIntoView({ block: "center" });
      document.getElementById("lost-ok").focus();
    }
  });

  // -- try it ----------------------------------------------------------------------------------------------
  function show(title, r) {
    var wrap = el("div", "try-answer");
    wrap.appendChild(el("h3", "", title + ": " + (r.fallback ? "fallback" : r.intent) + (r.entry ? " · entry " + r.entry : "") +
      " · confidence " + Math.round(r.confidence * 100) + "%"));
    wrap.appendChild(el("pre", "", r.answer));
    result.appendChild(wrap);
  }
  function table(rows) {
    var t = el("table", "list wins");
    rows.forEach(function (row) {
      var tr = el("tr", row.wins ? "win" : "lose");
      tr.appendChild(el("td", "mark", row.wins ? "✓" : "✗"));
      var q = el("td", "q", row.text);
      if (row.kind === "typed") q.appendChild(el("span", "tag", box.getAttribute("data-typed")));
      tr.appendChild(q);
      var what = el("td", "by");
      if (row.wins) {
        what.textContent = box.getAttribute("data-wins");
      } else if (row.by.fallback) {
        what.textContent = box.getAttribute("data-fallback");
      } else {
        what.appendChild(el("strong", "", box.getAttribute("data-loses") + " " + (row.by.entry || row.by.intent)));
        what.appendChild(el("div", "muted", row.by.answer.split("\n")[0]));
      }
      tr.appendChild(what);
      t.appendChild(tr);
    });
    result.appendChild(t);
  }
  document.getElementById("try-button").addEventListener("click", function () {
    result.textContent = "…";
    var text = input.value.trim() || lines("questions_th").concat(lines("questions_en"))[0] || "";
    post(box.getAttribute("data-url"), box.getAttribute("data-csrf"), { text: text, draft: draft() })
      .then(function (res) {
        result.textContent = "";
        if (!res.ok) { result.textContent = "Cannot try this draft: " + JSON.stringify(res.body.fields || res.body.detail); return; }
        if (res.body.questions) table(res.body.questions);
        show(box.getAttribute("data-now"), res.body.before);
        if (res.body.after) show(box.getAttribute("data-after"), res.body.after);
      }).catch(function () { result.textContent = "The try-it request failed."; });
  });
})();
