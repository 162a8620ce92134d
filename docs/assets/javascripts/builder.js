/* Make your script: the reader's own script, filled in, timed and tone-checked as they type.
   Settings come from the page (#builder-data: data/builder.yml and data/scripts.yml); the text
   shown is the page's own HTML, filled in here. Nothing is sent anywhere. Nothing is stored
   unless "Remember on this device" is ticked (localStorage); "Forget" clears it. The address
   only ever carries the script's id and phase (?script=&phase=), never what was typed. With
   neither in the address nor remembered, the phase is the one the device's clock points to
   (cfg.afterSoap: from SOAP's end until its Match year ends, the flow's rule). */
(() => {
  "use strict";
  const KEY = "soapguide-builder";
  let cfg, root, form, chosen, phase, timer, said = "", texts = {}, missing = {};
  const q = (sel, el) => (el || root).querySelector(sel);
  const qa = (sel, el) => [...(el || root).querySelectorAll(sel)];
  const norm = (t) => t.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, " ").trim();
  /* Spoken words: each word once, each digit as a word (numbers are read digit by digit). */
  const count = (t) => t.split(/\s+/).reduce((n, w) => n + /\p{L}/u.test(w) + (w.match(/\d/g) || []).length, 0);
  const show = (sel, on) => qa(sel).forEach((el) => { el.hidden = !on; });
  const out = (name, value) => { q(`[data-out="${name}"]`).textContent = value; };
  const say = (text) => { q("#builder-feedback").textContent = text; };
  const ended = () => !!cfg.afterSoap && Date.now() >= cfg.afterSoap[0] && Date.now() < cfg.afterSoap[1];
  const store = (fn) => { try { return fn(localStorage); } catch (e) { return null; } };
  /* Titles a script may put before a blank, each with the ways a reader may write it. */
  const TITLES = [["dr", "doctor"], ["prof", "professor"], ["mr", "mister"], ["mrs"], ["ms"], ["mx"]];
  const side = (node) => (node ? node.textContent : "");

  /* A value as it fits the text around its blank: a title the text puts before it is not typed
     twice ("Dr. Dr. Patel"), nor a closing mark the text puts after it ("teaching.."). */
  function fit(b, value) {
    const title = /(\p{L}+)\.?\s*$/u.exec(side(b.previousSibling));
    const same = title && TITLES.find((t) => t.includes(title[1].toLowerCase()));
    if (same) value = value.replace(new RegExp(`^(?:${same.join("|")})\\b\\.?\\s*`, "i"), "") || value;
    return /^[.,;:!?]/.test(side(b.nextSibling)) ? value.replace(/[.,;:!?]+$/, "") || value : value;
  }
  /* The labels of the blanks left empty in els, once each, as a sentence has them: "your AAMC ID". */
  const empty = (els, values) => [...new Set(els.flatMap((el) => qa(".blank", el)).filter((b) => !values[b.dataset.placeholder])
    .map((b) => b.dataset.label.replace(/^\p{Lu}(?=\p{Ll})/u, (c) => c.toLowerCase())))];
  const still = (labels) => (labels.length ? ` Still to fill: ${labels.join(", ")}.` : "");

  /* A line's text, its blanks filled; an empty blank is "" (or "[its label]" when copied). */
  function lineText(el, values, copied) {
    const clone = el.cloneNode(true);
    qa(".blank", clone).forEach((b) => {
      const value = values[b.dataset.placeholder];
      b.replaceWith(value ? fit(b, value) : copied ? `[${b.dataset.label}]` : "");
    });
    return norm(clone.textContent);
  }

  /* Only the blanks whose value changed are written: a keystroke touches one or two. */
  function fill(card, values) {
    qa(".blank[data-placeholder]", card).forEach((b) => {
      if (!b.dataset.label) b.dataset.label = b.textContent;
      const value = values[b.dataset.placeholder], text = value ? fit(b, value) : b.dataset.label;
      if (b.textContent === text && b.classList.contains("blank--filled") === !!value) return;
      b.textContent = text;
      b.classList.toggle("blank--filled", !!value);
    });
  }

  function flag(input, value) {
    const box = document.getElementById(input.id + "-flags");
    const hits = value ? cfg.tone.filter((t) => t[2].test(value)).map((t) => t[0]) : [];
    if (box.dataset.hits !== hits.join()) {
      box.dataset.hits = hits.join();
      box.replaceChildren(...hits.map((id) => document.getElementById("builder-tone-" + id).content.cloneNode(true)));
    }
    return hits.length;
  }

  function update() {
    const script = cfg.scripts[chosen], values = {}, channel = script.channel;
    const blanks = script.blanks[phase];
    let flags = 0;
    qa(".builder-input[data-blank]", form).forEach((input) => {
      const used = blanks.includes(input.dataset.blank);
      input.parentNode.hidden = !used;
      values[input.dataset.blank] = used ? norm(input.value) : "";
      flags += flag(input, values[input.dataset.blank]);
    });
    const which = `[data-script="${chosen}"][data-phase="${phase}"]`;
    const card = q(".builder-card" + which), paper = document.querySelector("#builder-paper " + which);
    qa(".builder-card").forEach((c) => { c.hidden = c !== card; });
    fill(card, values);
    if (paper) {
      fill(paper, values);
      document.querySelectorAll("#builder-paper .card-slot").forEach((s) => s.classList.toggle("is-print-target", paper.contains(s)));
    }
    const rows = qa("li[data-step]", card).map((li) => {
      const text = q(".script-card__text", li);
      return { step: li.dataset.step, el: text, said: lineText(text, values), copied: lineText(text, values, true) };
    });
    const words = rows.map((r) => count(r.said)), total = words.reduce((a, b) => a + b, 0);
    const seconds = Math.ceil((total * 60) / cfg.rate), spoken = cfg.timed.includes(channel);
    const over = spoken && seconds > cfg.limit;
    show("[data-timed]", spoken);
    out("seconds", seconds);
    out("words", total);
    q("#builder-over").hidden = !over;
    out("longest", over ? rows[words.indexOf(Math.max(...words))].said : "");

    show("[data-listed]", cfg.listed.includes(channel));
    cfg.checks.forEach((c) => {
      const li = q(`[data-rule="${c.rule}"]`), value = values[c.blank] || "";
      if (!li) return;
      const done = c.kind === "filled" ? count(value) >= Math.max(c.min, 1)
        : c.kind === "time" ? total > 0 && seconds <= cfg.limit
        : q(`[data-confirm="${c.rule}"]`).checked;
      li.classList.toggle("is-done", done);
      li.lastElementChild.textContent = done ? "Done" : "Not yet";
    });

    const email = cfg.email.includes(channel);
    const subject = rows.find((r) => r.copied.startsWith(cfg.subject));
    let body = "", step = null;
    rows.forEach((r) => {
      if (r === subject) return;
      body += (step === null ? "" : step === r.step ? "\n" : "\n\n") + r.copied;
      step = r.step;
    });
    texts = { script: rows.map((r) => r.copied).join("\n"), subject: subject ? subject.copied.slice(cfg.subject.length).trim() : "", body };
    /* What each action hands over with a gap in it, for its message. */
    const lines = rows.map((r) => r.el), top = lines.filter((l, i) => rows[i] === subject);
    missing = { script: empty(lines, values), subject: empty(top, values), body: empty(lines.filter((l) => !top.includes(l)), values),
      paper: empty(paper ? [paper] : lines, values) };
    show("[data-email]", email);
    show("[data-spoken]", !email);
    out("subject", texts.subject);
    out("body", body);
    out("count", body.length);
    q("#builder-mailto").href = `mailto:?subject=${encodeURIComponent(texts.subject)}&body=${encodeURIComponent(body)}`;

    if (q("#builder-remember").checked) save();
    const message = (over ? `Over ${cfg.limit} seconds: about ${seconds}. ` : "") + (flags ? `The tone check flagged ${flags} phrase${flags > 1 ? "s" : ""}.` : "");
    clearTimeout(timer);
    timer = setTimeout(() => { if (message !== said) q("#builder-status").textContent = said = message; }, 1500);
  }

  function state() {
    const values = {}, confirmed = {};
    qa(".builder-input[data-blank]", form).forEach((i) => { if (i.value) values[i.dataset.blank] = i.value; });
    qa("[data-confirm]", form).forEach((c) => { if (c.checked) confirmed[c.dataset.confirm] = 1; });
    return { script: chosen, phase, values, confirmed };
  }
  const save = () => store((s) => s.setItem(KEY, JSON.stringify(state())));

  function restore(saved) {
    qa(".builder-input[data-blank]", form).forEach((i) => { i.value = (saved.values || {})[i.dataset.blank] || ""; });
    qa("[data-confirm]", form).forEach((c) => { c.checked = !!(saved.confirmed || {})[c.dataset.confirm]; });
  }

  /* A script and, if its words depend on the phase, a phase (else the one checked). */
  function choose(id, wanted, remember) {
    const versions = Object.keys(cfg.scripts[id].blanks), picked = q("[name=builder-phase]:checked");
    chosen = id;
    phase = versions.includes(wanted) ? wanted : versions.includes(picked && picked.value) ? picked.value : versions[0];
    q(`#builder-script-${id}`).checked = true;
    if (phase) q(`#builder-phase-${phase}`).checked = true;
    show("[data-phased]", !!phase);
    if (remember) history.replaceState(history.state, "", `${location.pathname}?script=${id}${phase ? "&phase=" + phase : ""}${location.hash}`);
    const note = q("#builder-phase-note"), text = note && phase === "during" && ended() ? note.dataset.note : "";
    if (note && note.textContent !== text) note.textContent = text;
    update();
  }

  async function copy(text, left) {
    const box = q("#builder-copy-fallback"), area = q("#builder-copy-area");
    try {
      await navigator.clipboard.writeText(text);
      box.hidden = true;
      say("Copied." + still(left));
    } catch (e) {
      box.hidden = false;
      area.value = text;
      area.focus();
      area.select();
      let done = false;
      try { done = document.execCommand("copy"); } catch (e2) { /* refused too */ }
      say((done ? "Copied." : "Select the text in the box below and copy it.") + still(left));
    }
  }

  function init() {
    root = document.getElementById("script-builder");
    const data = document.getElementById("builder-data") || (root && q("script"));
    if (!root || !data || root.dataset.ready) return;
    root.dataset.ready = "1";
    cfg = JSON.parse(data.textContent)[0];
    cfg.tone.forEach((t) => t.push(new RegExp(t[1], "i")));
    form = q("#builder-form");
    root.classList.add("builder--js");
    form.addEventListener("submit", (e) => e.preventDefault());
    form.addEventListener("input", (e) => {
      const name = e.target.name;
      if (name === "builder-script") choose(e.target.value, phase, true);
      else if (name === "builder-phase") choose(chosen, e.target.value, true);
      else update();
    });
    const remember = q("#builder-remember");
    const saved = store((s) => JSON.parse(s.getItem(KEY)));
    if (saved) {
      remember.checked = true;
      restore(saved);
    }
    remember.addEventListener("change", () => {
      if (remember.checked) save();
      else store((s) => s.removeItem(KEY));
      say(remember.checked ? "Saved on this device until you press Forget." : "Not saved on this device.");
    });
    q("#builder-forget").addEventListener("click", () => {
      store((s) => s.removeItem(KEY));
      remember.checked = false;
      restore({});
      update();
      say("Forgotten: nothing you typed is kept on this device.");
    });
    qa("[data-copy]").forEach((b) => b.addEventListener("click", () => copy(texts[b.dataset.copy], missing[b.dataset.copy])));
    q("#builder-mailto").addEventListener("click", () => say("Opening your email app." + still(missing.script)));
    q("#builder-print").addEventListener("click", () => { update(); say("Printing your card." + still(missing.paper)); window.print(); });
    window.addEventListener("beforeprint", () => root.isConnected && update());
    const asked = new URLSearchParams(location.search), own = (id) => Object.hasOwn(cfg.scripts, id || "");
    const from = own(asked.get("script")) ? { script: asked.get("script"), phase: asked.get("phase") } : saved && own(saved.script) ? saved : {};
    const phased = (p) => qa("[name=builder-phase]").find((r) => r.value === p);
    const start = phased(from.phase) || phased(saved && saved.phase) || phased(ended() ? "after" : "during");
    if (start) start.checked = true;
    choose(from.script || q("[name=builder-script]:checked").value, start && start.value, false);
  }

  if (window.document$ && window.document$.subscribe) window.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
