/* "Should I call?": one question at a time (the GOV.UK question-page pattern), from the flow
   embedded in the page as JSON (#flow-data). The answers live in the URL (?a=q-phase:1,...), so
   back/forward, reload and a shared link all show the same step. Text is written with
   textContent; outcome details and script cards are cloned from the page's own pre-rendered,
   sanitised HTML (the no-JavaScript version). No request is made and nothing is stored.
   Phases: an answer may set the reader's phase (during SOAP or after it; "not sure" counts as
   during); an outcome shows each script's card for that phase. The schedule block under the
   phase question gets one line comparing this device's clock with SOAP's dates (clock, below). */
(function () {
  "use strict";
  var flow, step, status, memo = {}, listening = false;

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    for (var name in attrs || {}) node.setAttribute(name, attrs[name]);
    if (text != null) node.textContent = text;
    return node;
  }
  function add(parent) {
    for (var i = 1; i < arguments.length; i++) if (arguments[i]) parent.appendChild(arguments[i]);
    return parent;
  }
  function button(label) {
    return el("button", { type: "submit", class: "md-button md-button--primary" }, label);
  }
  function goLink(label, answers, className) {
    var a = el("a", className ? { href: url(answers), class: className } : { href: url(answers) }, label);
    a.addEventListener("click", function (e) {
      e.preventDefault();
      /* Start over is for another program: no answer about this one is carried over. */
      if (className === "flow-restart") memo = {};
      go(answers);
    });
    return a;
  }
  /* "Question 2 of 6", or "of up to 6" while the rest of the path depends on the answers. */
  function depth(id, pick) {
    return 1 + pick.apply(null, flow.questions[id].options.map(function (o) { return o.next ? depth(o.next, pick) : 0; }));
  }
  function progress(answers, id) {
    var most = depth(id, Math.max), least = depth(id, Math.min), n = answers.length;
    return "Question " + (n + 1) + " of " + (most === least ? "" : "up to ") + (n + most);
  }

  /* The state: the answers given, as [question id, option number from 1]. */
  function parse(search) {
    var match = /[?&]a=([^&#]*)/.exec(search), answers = [], id = flow.start, parts = [];
    try { parts = match ? decodeURIComponent(match[1]).split(",") : []; } catch (e) { /* bad link */ }
    for (var i = 0; i < parts.length && id; i++) {
      var pair = parts[i].split(":"), question = flow.questions[id], n = +pair[1];
      if (pair[0] !== id || !(n >= 1 && n <= question.options.length)) break;
      answers.push([id, n]);
      id = question.options[n - 1].next;
    }
    return answers;
  }
  function url(answers) {
    return location.pathname + (answers.length ? "?a=" + answers.map(function (a) { return a[0] + ":" + a[1]; }).join(",") : "");
  }
  function chosen(answer) {
    return flow.questions[answer[0]].options[answer[1] - 1];
  }
  /* The reader's phase: set by the last answer that carries one; during until then. */
  function phaseOf(answers) {
    var phase = "during";
    answers.forEach(function (a) { if (chosen(a).phase) phase = chosen(a).phase; });
    return phase;
  }

  /* The device-clock line: what this device's clock says about SOAP's dates, in ET. It states
     the comparison and never answers the question for the reader. */
  function eastern(ms) {
    try {
      var parts = {}, format = new Intl.DateTimeFormat("en-US", {
        timeZone: "America/New_York", weekday: "long", year: "numeric", month: "long",
        day: "numeric", hour: "numeric", minute: "2-digit", hour12: true
      });
      format.formatToParts(new Date(ms)).forEach(function (p) { parts[p.type] = p.value; });
      var period = /^p/i.test(parts.dayPeriod || "") ? "p.m." : "a.m.";
      return { year: +parts.year, text: parts.weekday + ", " + parts.month + " " + parts.day + ", " +
        parts.year + ", " + parts.hour + ":" + parts.minute + " " + period };
    } catch (e) {
      return null;
    }
  }
  function clockCase(c, now, year) {
    if (year > c.matchYear) return "past-year";
    if (now < c.start) return c.confirmed ? "before" : "before-unconfirmed";
    if (now < c.end) {
      if (!c.confirmed) return "during-unconfirmed";
      if (c.timeKnown) return "during";
      return now >= c.endDay ? "during-last-day" : "during-open-end";
    }
    return c.confirmed ? "after" : "after-unconfirmed";
  }
  function clockLine(line) {
    var c = flow.clock, now = Date.now(), here = eastern(now);
    if (!c || !here || !line) return;
    var text = line.getAttribute("data-" + clockCase(c, now, here.year)) || "";
    line.textContent = text.replace(/\{(now|year|start|end)\}/g, function (m, key) {
      return { now: here.text, year: c.matchYear, start: c.startText, end: c.endText }[key];
    });
  }
  function scheduleBlock() {
    var source = document.querySelector("#flow-fallback [data-flow-schedule]");
    if (!source) return null;
    var block = copy(source);
    clockLine(block.querySelector("[data-flow-clock]"));
    return block;
  }

  function go(answers) {
    history.pushState({ flow: true }, "", url(answers));
    render(answers, true);
  }

  function render(answers, moveFocus, error) {
    answers.forEach(function (a) { memo[a[0]] = a[1]; });
    var last = answers.length ? chosen(answers[answers.length - 1]) : { next: flow.start };
    var view = last.outcome ? outcome(answers, last.outcome) : question(answers, last.next, error);
    step.textContent = "";
    step.appendChild(view);
    [].forEach.call(document.querySelectorAll(".flow-intro"), function (n) { n.hidden = answers.length > 0; });
    /* The rule stays first on every step; its dates and source, read on the first, fold away. */
    [].forEach.call(document.querySelectorAll(".rule-first"), function (n) { n.classList.toggle("rule-first--brief", answers.length > 0); });
    if (!moveFocus) return;
    var heading = document.getElementById("flow-heading");
    (error ? step.querySelector(".flow-error-summary") : heading).focus();
    status.textContent = error ? "There is a problem: select an answer."
      : (last.outcome ? "Your answer: " : "Next question: ") + heading.textContent;
  }

  function question(answers, id, error) {
    var q = flow.questions[id], form = el("form", { class: "flow-question", id: "flow-form", novalidate: "" });
    var fieldset = el("fieldset", { class: "flow-fieldset" }), described = [];
    if (error) {
      var summary = el("div", { class: "flow-error-summary", role: "alert", tabindex: "-1", "aria-labelledby": "flow-error-title" });
      var link = el("a", { href: "#flow-answer-1" }, "Select an answer");
      link.addEventListener("click", function (e) { e.preventDefault(); document.getElementById("flow-answer-1").focus(); });
      add(form, add(summary, el("h2", { class: "flow-error-summary__title", id: "flow-error-title" }, "There is a problem"), add(el("ul"), add(el("li"), link))));
    }
    add(fieldset, add(el("legend", { class: "flow-legend" }), el("span", { class: "flow-progress" }, progress(answers, id)),
      el("h2", { class: "flow-heading", id: "flow-heading", tabindex: "-1" }, q.text)));
    if (q.hint) {
      add(fieldset, el("p", { class: "flow-hint", id: "flow-hint" }, q.hint));
      described.push("flow-hint");
    }
    if (q.schedule) add(fieldset, scheduleBlock());
    if (error) {
      var message = add(el("p", { class: "flow-error-message", id: "flow-error" }), el("span", { class: "visually-hidden" }, "Error: "));
      message.appendChild(document.createTextNode("Select an answer"));
      add(fieldset, message);
      described.push("flow-error");
      fieldset.className += " flow-fieldset--error";
    }
    if (described.length) fieldset.setAttribute("aria-describedby", described.join(" "));
    var radios = el("div", { class: "flow-radios" });
    q.options.forEach(function (option, i) {
      var key = "flow-answer-" + (i + 1), input = el("input", { type: "radio", name: "flow-answer", id: key, value: i + 1 });
      input.checked = memo[id] === i + 1;
      add(radios, add(el("div", { class: "flow-radio" }), input, el("label", { for: key }, option.label)));
    });
    add(form, add(fieldset, radios));
    var actions = add(el("div", { class: "flow-actions" }), button("Continue"));
    if (answers.length) {
      form.insertBefore(goLink("Back", answers.slice(0, -1), "flow-back"), form.firstChild);
      add(actions, goLink("Start over", [], "flow-restart"));
    }
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      var picked = form.querySelector("input:checked");
      if (!picked) return render(answers, true, true);
      go(answers.concat([[id, +picked.value]]));
    });
    return add(form, actions);
  }

  function copy(node, from, to) {
    var clone = node.cloneNode(true), all = [clone].concat([].slice.call(clone.querySelectorAll("*")));
    all.forEach(function (n) {
      n.removeAttribute("id");
      n.removeAttribute("aria-labelledby");
      if (n.tagName === from) {
        var renamed = el(to, { class: n.className });
        while (n.firstChild) renamed.appendChild(n.firstChild);
        n.parentNode.replaceChild(renamed, n);
      }
    });
    return clone;
  }

  function outcome(answers, id) {
    var o = flow.outcomes[id], source = document.getElementById(id);
    var box = el("div", { class: "flow-result flow-result--" + o.verdict });
    var panel = el("div", { class: "flow-panel" });
    var heading = el("h2", { class: "flow-heading", id: "flow-heading", tabindex: "-1" });
    var verdict = add(el("span", { class: "flow-verdict flow-verdict--" + o.verdict }), el("span", { class: "visually-hidden" }, "Verdict: "));
    verdict.appendChild(document.createTextNode(o.verdictLabel));
    add(heading, verdict).appendChild(document.createTextNode(" " + o.title));
    add(panel, heading, copy(source.querySelector("[data-flow-explanation]")));
    add(box, goLink("Back", answers.slice(0, -1), "flow-back"), panel);
    add(box, el("h3", null, "What to do next"), copy(source.querySelector(".flow-next-steps")));
    if (o.schedule) add(box, scheduleBlock());

    if (o.scripts.length) {
      var cards = el("div", { class: "script-cards" });
      var after = phaseOf(answers) === "after";
      o.scripts.forEach(function (s) {
        /* The card for the reader's phase; a script with one version for both has one card. */
        var card = (after && document.getElementById("flow-card-" + s + "-after")) ||
          document.getElementById("flow-card-" + s);
        add(cards, copy(card, "H3", "h4"));
      });
      add(box, el("h3", null, "What to say"), cards);
    }
    var see = source.querySelector(".flow-see");
    if (see) add(box, el("h3", null, "Read more in the guide"), copy(see));

    add(box, el("h3", null, "Why: your answers"));
    var list = el("dl", { class: "flow-summary" });
    answers.forEach(function (a, i) {
      var q = flow.questions[a[0]], change = goLink("Change", answers.slice(0, i));
      change.addEventListener("click", function (e) { e.stopPropagation(); });
      add(change, el("span", { class: "visually-hidden" }, " your answer to: " + q.text));
      add(list, add(el("div", { class: "flow-summary__row" }),
        el("dt", null, q.text), el("dd", null, chosen(a).label), add(el("dd", { class: "flow-summary__change" }, null), change)));
    });
    return add(box, list, add(el("p", { class: "flow-actions" }), goLink("Start over", [], "flow-restart")));
  }

  function start() {
    /* Instant navigation re-creates the JSON element without its id and type: find it by place. */
    var data = document.getElementById("flow-data") || document.querySelector("#flow > script");
    step = document.getElementById("flow-step");
    status = document.getElementById("flow-status");
    if (!data || !step) return false;
    flow = JSON.parse(data.textContent)[0];
    return true;
  }

  function init() {
    if (!start()) return;
    document.getElementById("flow").classList.add("flow--js");
    clockLine(step.querySelector("[data-flow-clock]")); /* the first question, as served */
    var early = step.querySelector("input:checked"); /* a choice made before the script ran */
    if (early) memo[flow.start] = +early.value;
    render(parse(location.search), false);
    if (!listening) {
      listening = true;
      window.addEventListener("popstate", function () {
        if (start()) render(parse(location.search), true);
      });
    }
  }

  if (window.document$ && window.document$.subscribe) window.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
