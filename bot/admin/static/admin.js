// Staff pages: the "Try it" box on the entry editor. All server text goes in with textContent.
(function () {
  "use strict";
  var box = document.getElementById("try-it");
  if (!box) return;
  var form = document.getElementById("entry-form");
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
      cities: picked("cities"), topics: list("topics"), source: form.elements.source.value
    };
  }
  function show(title, r) {
    var wrap = document.createElement("div");
    var h = document.createElement("h3");
    h.textContent = title + ": " + (r.fallback ? "fallback" : r.intent) + (r.entry ? " · entry " + r.entry : "") +
      " · confidence " + Math.round(r.confidence * 100) + "%";
    var pre = document.createElement("pre");
    pre.textContent = r.answer;
    wrap.appendChild(h); wrap.appendChild(pre);
    result.appendChild(wrap);
  }
  document.getElementById("try-button").addEventListener("click", function () {
    result.textContent = "…";
    fetch(box.getAttribute("data-url"), {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": box.getAttribute("data-csrf") },
      body: JSON.stringify({ text: input.value, draft: draft() })
    }).then(function (r) { return r.json().then(function (b) { return { ok: r.ok, body: b }; }); })
      .then(function (res) {
        result.textContent = "";
        if (!res.ok) { result.textContent = "Cannot try this draft: " + JSON.stringify(res.body.fields || res.body.detail); return; }
        show("Now", res.body.before);
        if (res.body.after) show("With your change", res.body.after);
      }).catch(function () { result.textContent = "The try-it request failed."; });
  });
})();
