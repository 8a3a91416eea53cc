/*
 * Velkommen: small enhancements on top of pages that work without JavaScript.
 * - The guide: filter by situation, switch add-ons, fold and unfold steps, tick
 *   steps and checklist items, enter one's own dates and see the deadlines on a
 *   timeline (saved in this browser's localStorage only, under
 *   "velkommen.guide.*"), show/hide all, print a short checklist.
 * No cookies, no requests: everything stays in the page and the browser.
 */
(function () {
  "use strict";

  var DONE_KEY = "velkommen.guide.done";

  function all(selector, root) {
    return Array.prototype.slice.call((root || document).querySelectorAll(selector));
  }

  function readDone() {
    try {
      var value = JSON.parse(window.localStorage.getItem(DONE_KEY) || "[]");
      return Array.isArray(value) ? value : [];
    } catch (e) {
      return [];
    }
  }

  function writeDone(ids) {
    try {
      window.localStorage.setItem(DONE_KEY, JSON.stringify(ids));
    } catch (e) {
      /* Private mode or storage full: ticking still works for this visit. */
    }
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, key) { return values[key]; });
  }

  function words(value) {
    return (value || "").split(/\s+/).filter(Boolean);
  }

  function visibleSteps(guide) {
    return all(".vk-step", guide).filter(function (li) { return !li.hidden; });
  }

  function updateProgress(guide) {
    if (guide.vkDates) guide.vkDates();  /* the reader's own dates follow the steps shown and ticked (issue 19) */
    var out = guide.querySelector(".vk-guide__progress");
    if (!out) return;
    var steps = visibleSteps(guide);
    var done = steps.filter(function (li) { return li.classList.contains("is-done"); }).length;
    out.textContent = fill(guide.getAttribute("data-progress-template") || "", { done: done, total: steps.length });
  }

  /* ---------- Guide (issue 18): ticks, folded steps, announcements, the printed checklist ---------- */

  /* One box (a guide step or a checklist item) ticked or not: saved, and shown on its item. */
  function bindTick(box, id, item, onChange) {
    box.checked = readDone().indexOf(id) !== -1;
    if (item) item.classList.toggle("is-done", box.checked);
    box.addEventListener("change", function () {
      var current = readDone().filter(function (other) { return other !== id; });
      if (box.checked) current.push(id);
      writeDone(current);
      if (item) item.classList.toggle("is-done", box.checked);
      if (onChange) onChange();
    });
  }

  function setupProgress(guide) {
    all(".vk-step__check", guide).forEach(function (box) {
      bindTick(box, box.getAttribute("data-step"), box.closest(".vk-step"), function () { updateProgress(guide); });
    });
    updateProgress(guide);
  }

  /*
   * The first months' checklist (pymdownx.tasklist, "- [ ]") becomes real
   * checkboxes with the guide's mechanism: an item that links to one guide step
   * shares that step's tick; any other is kept by its page and place in the list.
   */
  function setupChecklists() {
    var page = window.location.pathname.split("/").filter(Boolean).filter(function (part) {
      return part !== "index.html";
    }).slice(-2).join("/");
    all(".md-content .task-list-item").forEach(function (li, n) {
      if (li.closest(".vk-guide")) return;
      var box = li.querySelector(":scope > .task-list-control > input[type=checkbox]");
      if (!box) return;
      var steps = {};
      all(":scope > a[href*='#step-']", li).forEach(function (a) { steps[a.hash.slice("#step-".length)] = true; });
      var ids = Object.keys(steps);
      var label = box.parentNode;
      var text = Array.prototype.filter.call(li.childNodes, function (node) { return node !== label; })
        .map(function (node) { return node.textContent; }).join("").replace(/\s+/g, " ").trim();
      box.disabled = false;
      label.removeAttribute("aria-hidden");
      box.setAttribute("aria-label", text);
      bindTick(box, ids.length === 1 ? ids[0] : "list:" + page + ":" + n, li);
    });
  }

  function stepBody(li) { return li.querySelector(".vk-step__body"); }

  function isOpen(li) { return !stepBody(li).hidden; }

  function setOpen(li, open) {
    stepBody(li).hidden = !open;
    stepBody(li).classList.add("is-folding");  /* from now on the hidden attribute decides (velkommen.css) */
    var button = li.querySelector(".vk-step__toggle");
    if (button) button.setAttribute("aria-expanded", String(open));
  }

  function updateToggleAll(guide) {
    var toggle = guide.querySelector(".vk-guide__toggle");
    if (!toggle) return;
    var closed = visibleSteps(guide).some(function (li) { return !isOpen(li); });
    toggle.textContent = toggle.getAttribute(closed ? "data-open-label" : "data-close-label");
  }

  /* Each step's heading becomes the button that opens it (GOV.UK's step-by-step navigation); all start folded. */
  function setupFolding(guide) {
    all(".vk-step", guide).forEach(function (li) {
      var heading = li.querySelector(".vk-step__heading");
      var body = stepBody(li);
      if (!heading || !body) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "vk-step__toggle";
      button.setAttribute("aria-controls", body.id);
      while (heading.firstChild) button.appendChild(heading.firstChild);
      heading.appendChild(button);
      setOpen(li, false);
      button.addEventListener("click", function () {
        setOpen(li, !isOpen(li));
        updateToggleAll(guide);
      });
    });
    /* A link to a step (a permalink, "After:", "What comes next:") opens it. */
    function openTarget() {
      var id = window.location.hash && decodeURIComponent(window.location.hash.slice(1));
      var target = id && document.getElementById(id);
      var li = target && guide.contains(target) && target.closest(".vk-step");
      if (li) {
        setOpen(li, true);
        updateToggleAll(guide);
      }
    }
    window.addEventListener("hashchange", openTarget);
    openTarget();
    updateToggleAll(guide);
  }

  /* The drawn numbers follow the steps shown; "Step" before each is for screen readers. */
  function renumber(guide) {
    visibleSteps(guide).forEach(function (li, i) {
      var n = li.querySelector(".vk-step__n");
      if (n) n.textContent = String(i + 1);
    });
  }

  /* The heading above the steps: where focus goes when the reader chooses (the page's own heading before the guide, if any). */
  function stepsHeading(guide) {
    var heading = guide.querySelector(".vk-steps-heading");
    for (var node = guide.previousElementSibling; !heading && node; node = node.previousElementSibling) {
      if (/^H[1-6]$/.test(node.tagName)) {
        heading = node;
        heading.classList.add("vk-steps-heading");
      }
    }
    if (heading) heading.setAttribute("tabindex", "-1");
    return heading;
  }

  /* Say how many steps apply; move focus to the steps when the choice came from a pointer (a keyboard stays in the form). */
  function announce(guide, names, moveFocus) {
    var out = guide.querySelector(".vk-guide__announce");
    var n = visibleSteps(guide).length;
    if (out) {
      out.textContent = names.length
        ? fill(out.getAttribute("data-template") || "", { n: n, choice: names.join("; ") })
        : fill(out.getAttribute("data-all-template") || "", { n: n });
    }
    var heading = moveFocus && stepsHeading(guide);
    if (heading) heading.focus();
  }

  function nameOf(input) {
    return input.parentNode.textContent.replace(/\s+/g, " ").trim();
  }

  /* Whether the last change of a form's fields came from a pointer (mouse, touch, a screen reader's tap). */
  function pointerWatch(form) {
    var state = { pointer: false };
    form.addEventListener("pointerdown", function () { state.pointer = true; });
    form.addEventListener("keydown", function () { state.pointer = false; });
    return state;
  }

  function setupToolbar(guide) {
    var toggle = guide.querySelector(".vk-guide__toggle");
    if (toggle) {
      toggle.addEventListener("click", function () {
        var steps = visibleSteps(guide);
        var open = steps.some(function (li) { return !isOpen(li); });
        all(".vk-step", guide).forEach(function (li) { setOpen(li, open); });
        updateToggleAll(guide);
      });
    }
    /* "Print checklist": each step's number, title, timing and a box, with the page's address
       (velkommen.css, html.vk-print-checklist). The browser's own print prints the whole guide, opened. */
    var print = guide.querySelector(".vk-guide__print");
    if (print) {
      print.addEventListener("click", function () {
        document.documentElement.classList.add("vk-print-checklist");
        window.print();
      });
      window.addEventListener("afterprint", function () {
        document.documentElement.classList.remove("vk-print-checklist");
      });
    }
  }

  /*
   * Links between steps ("After:", "What comes next:") are hidden with the
   * step they point to; a list of which none is left goes, and the first link
   * left loses its separator.
   */
  function tidyRefs(guide) {
    all(".vk-refs", guide).forEach(function (list) {
      var shown = all(".vk-ref", list).filter(function (ref) { return !ref.hidden; });
      list.hidden = !shown.length;
      shown.forEach(function (ref, i) {
        var sep = ref.querySelector(".vk-ref__sep");
        if (sep) sep.hidden = i === 0;
      });
    });
  }

  /* Show the steps, and links to steps, that apply to the chosen situations (all of them when nothing is chosen). */
  function filterSteps(guide, chosen) {
    all("[data-situations]", guide).forEach(function (el) {
      el.hidden = chosen.length > 0 && !words(el.getAttribute("data-situations")).some(function (s) {
        return chosen.indexOf(s) !== -1;
      });
    });
    tidyRefs(guide);
    var steps = all(".vk-step", guide);
    var shown = visibleSteps(guide).length;
    var note = guide.querySelector(".vk-guide__filtered");
    if (note) {
      note.hidden = !chosen.length;
      note.textContent = fill(guide.getAttribute("data-filtered-template") || "", { n: shown, total: steps.length });
    }
    renumber(guide);
    updateToggleAll(guide);
    updateProgress(guide);
  }

  function setQuery(params) {
    var url = new URL(window.location.href);
    Object.keys(params).forEach(function (key) {
      url.searchParams.delete(key);
      [].concat(params[key]).forEach(function (value) { if (value) url.searchParams.append(key, value); });
    });
    window.history.replaceState(null, "", url.toString());
  }

  function setupChooser(form, guide) {
    var query = new URL(window.location.href).searchParams;
    all("input[name=for]", form).forEach(function (r) { r.checked = r.value === query.get("for"); });
    all("input[name=with]", form).forEach(function (c) { c.checked = query.getAll("with").indexOf(c.value) !== -1; });
    var permalink = form.querySelector(".vk-chooser__permalink");
    var input = pointerWatch(form);

    function apply(event) {
      var base = form.querySelector("input[name=for]:checked");
      var addons = all("input[name=with]:checked", form).map(function (c) { return c.value; });
      var chosen = (base ? [base.value] : []).concat(base || addons.length ? addons : []);
      filterSteps(guide, chosen);
      if (event) {
        var names = (base ? [base] : []).concat(base ? all("input[name=with]:checked", form) : []).map(nameOf);
        announce(guide, names, input.pointer);
      }
      setQuery({ "for": base ? base.value : null, "with": addons });
      if (permalink) {
        permalink.hidden = !base;
        if (base) {
          var link = permalink.querySelector("a");
          var page = new URL(base.getAttribute("data-page"), window.location.href);
          addons.forEach(function (a) { page.searchParams.append("with", a); });
          link.href = page.toString();
          link.textContent = page.toString();
        }
      }
    }
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    apply();
  }

  function setupAddons(fieldset, guide) {
    var query = new URL(window.location.href).searchParams;
    var boxes = all("input[name=with]", fieldset);
    boxes.forEach(function (c) { c.checked = query.getAll("with").indexOf(c.value) !== -1; });
    var input = pointerWatch(fieldset);
    var base = guide.getAttribute("data-base-name");

    function apply(event) {
      var on = boxes.filter(function (c) { return c.checked; }).map(function (c) { return c.value; });
      all("[data-addon]", guide).forEach(function (el) {
        el.hidden = !words(el.getAttribute("data-addon")).some(function (a) { return on.indexOf(a) !== -1; });
      });
      tidyRefs(guide);
      renumber(guide);
      updateToggleAll(guide);
      setQuery({ "with": on });
      updateProgress(guide);
      if (event) {
        announce(guide, [base].concat(boxes.filter(function (c) { return c.checked; }).map(nameOf)), input.pointer);
      }
    }
    fieldset.addEventListener("change", apply);
    apply();
  }

  /* ---------- Issue 19: the reader's own dates, a timeline of their deadlines ---------- */
  /*
   * Each deadline (li.vk-deadline) counts from an event (data-from) by a signed
   * amount (data-earliest, data-latest: "5 days", "-21 working-days",
   * "3 months"). The reader's dates are kept in this browser only, under
   * "velkommen.guide.dates", as {"move-in": "2027-03-01", ...}.
   */
  var DATES_KEY = "velkommen.guide.dates";

  function readDates() {
    try {
      var value = JSON.parse(window.localStorage.getItem(DATES_KEY) || "{}");
      return value && typeof value === "object" && !Array.isArray(value) ? value : {};
    } catch (e) {
      return {};
    }
  }

  function writeDates(dates) {
    try {
      if (Object.keys(dates).length) window.localStorage.setItem(DATES_KEY, JSON.stringify(dates));
      else window.localStorage.removeItem(DATES_KEY);
    } catch (e) { /* as with the ticks: this visit only */ }
  }

  /* Days are counted in UTC, so a change to summer time never moves a date. */
  function parseDay(text) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text || "");
    if (!m) return null;
    var day = new Date(Date.UTC(+m[1], m[2] - 1, +m[3]));
    return day.getUTCDate() === +m[3] ? day : null;
  }

  function today() {
    var now = new Date();
    return new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()));
  }

  /*
   * A day moved by "5 days", "-21 working-days" or "3 months" (to the month's
   * last day if it is shorter). Working days skip Saturdays and Sundays but not
   * public holidays: the date then lies on the safe side, never earlier than
   * one may apply and never later than the deadline.
   */
  function shift(day, offset) {
    var parts = (offset || "").split(" ");
    var n = parseInt(parts[0], 10);
    var d = new Date(day.getTime());
    if (parts[1] === "months") {
      var date = d.getUTCDate();
      d.setUTCDate(1);
      d.setUTCMonth(d.getUTCMonth() + n);
      d.setUTCDate(Math.min(date, new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate()));
    } else if (parts[1] === "working-days") {
      for (var left = Math.abs(n); left > 0;) {
        d.setUTCDate(d.getUTCDate() + (n < 0 ? -1 : 1));
        if (d.getUTCDay() % 6 !== 0) left -= 1;
      }
    } else {
      d.setUTCDate(d.getUTCDate() + n);
    }
    return d;
  }

  function badge(text, kind) {
    var b = document.createElement("span");
    b.className = "vk-badge vk-badge--" + kind;
    b.textContent = text;
    return b;
  }

  /* Each shown step's dates, from the dates entered: [{day, li, item, text, late}], soonest first. */
  function datedSteps(guide, dates, words) {
    var now = today();
    var out = [];
    all(".vk-step", guide).forEach(function (li) {
      var done = li.classList.contains("is-done");
      all(".vk-deadline", li).forEach(function (item) {
        var from = parseDay(dates[item.getAttribute("data-from")]);
        if (!from) return;
        var latest = item.hasAttribute("data-latest") && shift(from, item.getAttribute("data-latest"));
        var earliest = item.hasAttribute("data-earliest") && shift(from, item.getAttribute("data-earliest"));
        var text = [earliest && fill(words.earliest, { date: words.format(earliest) }),
          latest && fill(words.latest, { date: words.format(latest) })].filter(Boolean).join(", ");
        out.push({ day: latest || earliest, latest: latest, li: li, item: item, text: text, late: Boolean(latest && latest < now && !done), done: done });
      });
    });
    return out;
  }

  /*
   * "Add my dates to my calendar": an iCalendar file (RFC 5545) made in the
   * browser and saved as a download; nothing leaves the device. One all-day
   * event per dated step, with what to bring, where to go, a link back to the
   * step and a reminder three days before.
   */
  function icsText(value) {
    return String(value).replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
  }

  /* Lines of at most 75 octets (UTF-8), continued with CRLF and a space; never inside a character. */
  function icsFold(line) {
    var encoder = new TextEncoder();
    var out = [];
    var current = "";
    var size = 0;
    Array.from(line).forEach(function (ch) {
      var n = encoder.encode(ch).length;
      if (size + n > 75) {
        out.push(current);
        current = " ";
        size = 1;
      }
      current += ch;
      size += n;
    });
    out.push(current);
    return out.join("\r\n");
  }

  function icsDay(d) { return d.toISOString().slice(0, 10).replace(/-/g, ""); }

  function calendarFile(guide, found, words) {
    var stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
    var host = window.location.host || "velkommen.invalid";
    var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Velkommen//Guide//" + document.documentElement.lang.toUpperCase(),
      "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "X-WR-CALNAME:" + icsText(words.calendar)];
    var seen = {};
    found.forEach(function (x) {
      var id = x.li.getAttribute("data-step");
      if (x.li.hidden || seen[id]) return;
      seen[id] = true;
      var title = x.li.querySelector(".vk-step__title").textContent.trim();
      var said = found.filter(function (y) { return y.li === x.li; }).map(function (y) {
        var condition = y.item.querySelector(".vk-deadline__condition");
        return (condition ? condition.textContent.trim() + " " : "") + words.capital(y.text) + (y.late ? " – " + words.overdue : "");
      });
      var bring = all(".vk-bring li", x.li).map(function (li) { return "– " + li.textContent.trim(); });
      var where = x.li.querySelector(".vk-facts__where dd") || x.li.querySelector(".vk-facts__who dd");
      var whereLink = where && where.querySelector("a[href]");
      var link = new URL("#" + x.li.querySelector(".vk-step__heading").id, window.location.href).toString();
      var text = said.concat(bring.length ? ["", words.bring].concat(bring) : [],
        where ? ["", words.where + " " + where.textContent.trim() + (whereLink ? " " + whereLink.href : "")] : [], ["", link]);
      var next = new Date(x.day.getTime());
      next.setUTCDate(next.getUTCDate() + 1);
      lines.push("BEGIN:VEVENT", "UID:" + id + "-" + icsDay(x.day) + "@" + host, "DTSTAMP:" + stamp,
        "DTSTART;VALUE=DATE:" + icsDay(x.day), "DTEND;VALUE=DATE:" + icsDay(next),
        "SUMMARY:" + icsText(title), "DESCRIPTION:" + icsText(text.join("\n")), "URL:" + link, "TRANSP:TRANSPARENT");
      if (where) lines.push("LOCATION:" + icsText(where.textContent.trim()));
      lines.push("BEGIN:VALARM", "ACTION:DISPLAY", "TRIGGER:-P3D", "DESCRIPTION:" + icsText(title), "END:VALARM", "END:VEVENT");
    });
    lines.push("END:VCALENDAR");
    return lines.map(icsFold).join("\r\n") + "\r\n";
  }

  function download(text, name) {
    var a = document.createElement("a");
    a.href = URL.createObjectURL(new Blob([text], { type: "text/calendar;charset=utf-8" }));
    a.download = name;
    a.hidden = true;
    document.body.appendChild(a);
    a.click();
    window.setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }

  function setupDates(section, guide) {
    var form = section.querySelector(".vk-dates__form");
    var inputs = all("input[type=date]", form);
    var list = section.querySelector(".vk-dates__list");
    var status = section.querySelector(".vk-dates__status");
    var locale = section.getAttribute("data-locale") || document.documentElement.lang;
    var long = new Intl.DateTimeFormat(locale, { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
    var words = { format: function (d) { return long.format(d); } };
    ["latest", "earliest", "overdue", "done", "updated", "cleared", "none", "calendar", "bring", "where", "file", "saved"].forEach(function (k) { words[k] = section.getAttribute("data-" + k) || ""; });
    var calendar = section.querySelector(".vk-dates__ics");
    var current = [];
    var capital = function (text) { return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1); };
    words.capital = capital;
    var stored = readDates();
    inputs.forEach(function (input) { if (parseDay(stored[input.name])) input.value = stored[input.name]; });

    function entered() {
      var dates = {};
      inputs.forEach(function (input) { if (parseDay(input.value)) dates[input.name] = input.value; });
      return dates;
    }

    function update() {
      var dates = entered();
      var found = datedSteps(guide, dates, words);
      all(".vk-deadline__date", guide).forEach(function (out) { out.hidden = true; out.textContent = ""; });
      all(".vk-step__date", guide).forEach(function (out) { out.hidden = true; out.textContent = ""; });
      all(".vk-step.is-overdue", guide).forEach(function (li) { li.classList.remove("is-overdue"); });
      found.forEach(function (x) {
        var out = x.item.querySelector(".vk-deadline__date");
        out.textContent = " " + capital(x.text) + (x.late ? " – " + words.overdue : "");
        out.hidden = false;
        var meta = x.li.querySelector(".vk-step__date");
        if (meta && meta.hidden) {  /* the step's first dated deadline, beside its timing (and on the printed checklist) */
          meta.textContent = " · " + x.text + " ";
          if (x.late) meta.appendChild(badge(words.overdue, "overdue"));
          meta.hidden = false;
        }
        if (x.late) x.li.classList.add("is-overdue");
      });
      var shown = found.filter(function (x) { return !x.li.hidden; }).sort(function (a, b) { return a.day - b.day; });
      list.textContent = "";
      shown.forEach(function (x) {
        var li = document.createElement("li");
        li.className = "vk-dates__item" + (x.late ? " is-overdue" : "") + (x.done ? " is-done" : "");
        var when = document.createElement("strong");
        when.textContent = capital(x.text);
        var a = document.createElement("a");
        a.href = "#" + x.li.querySelector(".vk-step__heading").id;
        a.textContent = x.li.querySelector(".vk-step__title").textContent;
        li.appendChild(when);
        li.appendChild(document.createTextNode(": "));
        li.appendChild(a);
        var condition = x.item.querySelector(".vk-deadline__condition");
        if (condition) li.appendChild(document.createTextNode(" – " + condition.textContent.replace(/:\s*$/, "")));
        if (x.late) li.appendChild(badge(words.overdue, "overdue"));
        if (x.done) li.appendChild(badge(words.done, "done"));
        list.appendChild(li);
      });
      section.querySelector(".vk-dates__timeline").hidden = !Object.keys(dates).length;
      calendar.hidden = !shown.length;
      current = found;
      return shown.length;
    }

    form.addEventListener("change", function () {
      writeDates(entered());
      var n = update();
      status.textContent = n ? fill(words.updated, { n: n }) : words.none;
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    section.querySelector(".vk-dates__clear").addEventListener("click", function () {
      inputs.forEach(function (input) { input.value = ""; });
      writeDates({});
      update();
      status.textContent = words.cleared;
    });
    calendar.addEventListener("click", function () {
      download(calendarFile(guide, current, words), words.file);
      status.textContent = words.saved;
    });
    guide.vkDates = update;
    update();
  }

  function setupGuide(guide) {
    all("[data-js-only]", guide).forEach(function (el) { el.hidden = false; });
    var dates = guide.querySelector(".vk-dates");
    if (dates) setupDates(dates, guide);
    all(".vk-guide__nojs-note", guide).forEach(function (el) { el.hidden = true; });
    setupFolding(guide);
    setupToolbar(guide);
    setupProgress(guide);
    var addons = guide.querySelector(".vk-guide__addons");
    if (addons) setupAddons(addons, guide);
  }

  /* ---------- Issue 19: carry the reader's progress to another device, without an account ---------- */
  /*
   * What this browser keeps for the guide (every "velkommen.guide.*" key: the
   * ticks, the dates) travels after "#vk-state=" in a link: the part after #
   * never reaches a server. Opening such a link asks before it replaces what
   * the other browser holds. The situation and add-ons are in the link's
   * address itself (?for=…&with=…, or the situation's own page).
   */
  var SHARE_PREFIX = "velkommen.guide.";
  var SHARE_HASH = "#vk-state=";
  var SHARE_APPLIED = "velkommen.share.applied";  /* sessionStorage: say so after the page reloads */

  function storedState() {
    var state = {};
    try {
      for (var i = 0; i < window.localStorage.length; i++) {
        var key = window.localStorage.key(i);
        if (key && key.indexOf(SHARE_PREFIX) === 0) state[key.slice(SHARE_PREFIX.length)] = window.localStorage.getItem(key);
      }
    } catch (e) { /* storage switched off: nothing to carry */ }
    return state;
  }

  function sameState(a, b) {
    var ka = Object.keys(a).sort(), kb = Object.keys(b).sort();
    return ka.length === kb.length && ka.every(function (k, i) { return k === kb[i] && a[k] === b[k]; });
  }

  function encodeState(state) {
    var bytes = new TextEncoder().encode(JSON.stringify(state));
    var binary = "";
    bytes.forEach(function (b) { binary += String.fromCharCode(b); });
    return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  /* A shared state, or null when the text is not one: only our own keys, short string values. */
  function decodeState(text) {
    try {
      if (text.length > 20000) return null;
      var binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
      var bytes = Uint8Array.from(binary, function (c) { return c.charCodeAt(0); });
      var state = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
      if (!state || typeof state !== "object" || Array.isArray(state)) return null;
      var keys = Object.keys(state);
      var ok = keys.length <= 20 && keys.every(function (k) {
        return /^[a-z][a-z0-9._-]{0,40}$/.test(k) && typeof state[k] === "string" && state[k].length <= 10000;
      });
      return ok ? state : null;
    } catch (e) {
      return null;
    }
  }

  function useState(state) {
    try {
      Object.keys(storedState()).forEach(function (k) { window.localStorage.removeItem(SHARE_PREFIX + k); });
      Object.keys(state).forEach(function (k) { window.localStorage.setItem(SHARE_PREFIX + k, state[k]); });
      window.sessionStorage.setItem(SHARE_APPLIED, "1");
    } catch (e) { /* storage switched off */ }
    var url = new URL(window.location.href);
    url.hash = "";
    window.location.replace(url.toString());
  }

  function withoutStateInAddress() {
    var url = new URL(window.location.href);
    url.hash = "";
    window.history.replaceState(null, "", url.toString());
  }

  function drawQr(figure, link, label) {
    /* qrcode-generator (MIT, vendored from npm), loaded only when the reader asks for the code. */
    figure.textContent = "";
    var qr = window.qrcode(0, "M");
    qr.addData(link, "Byte");
    qr.make();
    figure.innerHTML = qr.createSvgTag({ cellSize: 4, margin: 4, scalable: true });
    var svg = figure.querySelector("svg");
    if (svg) {
      svg.setAttribute("role", "img");
      svg.setAttribute("aria-label", label);
      svg.removeAttribute("width");
      svg.removeAttribute("height");
    }
  }

  function setupShare(section) {
    var status = section.querySelector(".vk-share__status");
    var out = section.querySelector(".vk-share__out");
    var field = section.querySelector(".vk-share__link");
    var figure = section.querySelector(".vk-share__qr");
    var text = function (k) { return section.getAttribute("data-" + k) || ""; };

    section.querySelector(".vk-share__make").addEventListener("click", function () {
      var state = storedState();
      var url = new URL(window.location.href);
      url.hash = Object.keys(state).length ? "vk-state=" + encodeState(state) : "";
      var link = url.toString();
      field.value = link;
      out.hidden = false;
      status.textContent = Object.keys(state).length ? text("made") : text("empty");
      function draw() { drawQr(figure, link, text("qr")); }
      if (window.qrcode) {
        draw();
      } else {
        var script = document.createElement("script");
        script.src = section.getAttribute("data-qr-script");
        script.addEventListener("load", draw);
        document.head.appendChild(script);
      }
    });
    section.querySelector(".vk-share__copy").addEventListener("click", function () {
      field.select();
      var done = function () { status.textContent = text("copied"); };
      if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(field.value).then(done, function () {});
    });

    try {
      if (window.sessionStorage.getItem(SHARE_APPLIED)) {
        window.sessionStorage.removeItem(SHARE_APPLIED);
        status.textContent = text("applied");
      }
    } catch (e) { /* storage switched off */ }

    var ask = section.querySelector(".vk-share__ask");
    var shared = null;
    ask.querySelector(".vk-share__replace").addEventListener("click", function () { if (shared) useState(shared); });
    ask.querySelector(".vk-share__keep").addEventListener("click", function () {
      ask.hidden = true;
      shared = null;
      status.textContent = text("kept");
    });

    /* On opening such a link, and when one is opened on a page already open (only its # changes). */
    function receive() {
      if (window.location.hash.indexOf(SHARE_HASH) !== 0) return;
      shared = decodeState(window.location.hash.slice(SHARE_HASH.length));
      withoutStateInAddress();
      if (!shared) {
        ask.hidden = true;
        status.textContent = text("invalid");
        return;
      }
      var mine = storedState();
      if (!Object.keys(mine).length || sameState(mine, shared)) {
        useState(shared);
        return;
      }
      ask.hidden = false;
      ask.scrollIntoView({ block: "center" });
      ask.querySelector(".vk-share__replace").focus({ preventScroll: true });
    }
    window.addEventListener("hashchange", receive);
    receive();
  }

  /* The directory: filter the grouped lists by town, kind, language and words. */
  function setupDirectory(form) {
    var list = document.querySelector(".vk-directory");
    if (!list) return;
    var entries = all(".vk-entry", list);
    var sections = all(".vk-directory__town", list);
    /* Search what the reader sees (name, kind, languages, description) and the town's name. */
    entries.forEach(function (li) {
      var town = li.closest(".vk-directory__town").querySelector("h2");
      li.setAttribute("data-text", (li.textContent + " " + (town ? town.textContent : "")).toLocaleLowerCase());
    });
    var count = form.querySelector(".vk-filters__count");
    var wasFiltering = false;
    /* A link to a town or an entry unfolds it. */
    function unfoldTarget() {
      var target = window.location.hash && document.getElementById(decodeURIComponent(window.location.hash.slice(1)));
      var section = target && target.closest(".vk-directory__town");
      var fold = section && section.querySelector("details.vk-directory__entries");
      if (fold) fold.open = true;
    }
    window.addEventListener("hashchange", unfoldTarget);
    unfoldTarget();
    var query = new URL(window.location.href).searchParams;
    ["q", "town", "kind", "language"].forEach(function (name) {
      var field = form.elements[name];
      if (field && query.get(name)) field.value = query.get(name);
    });

    function apply() {
      var words = (form.elements.q.value || "").toLocaleLowerCase().split(/\s+/).filter(Boolean);
      var town = form.elements.town.value;
      var kind = form.elements.kind.value;
      var language = form.elements.language.value;
      var shown = 0;
      entries.forEach(function (li) {
        var text = li.getAttribute("data-text") || "";
        var match = (!town || li.getAttribute("data-town") === town) &&
          (!kind || li.getAttribute("data-kind") === kind) &&
          (!language || (" " + li.getAttribute("data-languages") + " ").indexOf(" " + language + " ") !== -1) &&
          words.every(function (w) { return text.indexOf(w) !== -1; });
        if (li.hidden === match) li.hidden = !match; /* touch only what changes: thousands of entries */
        if (match) shown += 1;
      });
      var filtering = Boolean(words.length || town || kind || language);
      sections.forEach(function (section) {
        var empty = !section.querySelector(".vk-entry:not([hidden])");
        if (section.hidden !== empty) section.hidden = empty;
        /* A large directory starts with each town folded: a filter unfolds the towns that match, clearing it folds them again. */
        var fold = section.querySelector("details.vk-directory__entries");
        if (fold && (filtering || wasFiltering)) fold.open = filtering && !empty;
      });
      wasFiltering = filtering;
      count.textContent = shown ? fill(count.getAttribute("data-template"), { n: shown, total: entries.length })
        : count.getAttribute("data-none");
      setQuery({ q: form.elements.q.value.trim(), town: town, kind: kind, language: language });
    }
    form.addEventListener("input", apply);
    form.addEventListener("change", apply);
    form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.hidden = false;
    apply();
  }

  function start() {
    all(".vk-print__button").forEach(function (button) {
      button.closest("[data-js-only]").hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
    all(".vk-guide").forEach(setupGuide);
    all(".vk-share").forEach(function (section) { section.hidden = false; setupShare(section); });
    setupChecklists();
    var form = document.querySelector(".vk-chooser__form");
    var allSteps = document.querySelector(".vk-guide[data-guide=all]");
    if (form && allSteps) {
      form.hidden = false;
      setupChooser(form, allSteps);
    }
    var filters = document.querySelector(".vk-filters");
    if (filters) setupDirectory(filters);
    setupMenuKeys();
    setupLanguageLinks();  /* issue 17 */
    setupSearchNone();
  }

  /*
   * Material's menu on phones and tablets (the drawer and the panels inside
   * it) opens through <label for="…">, which a keyboard cannot reach and which
   * may not take a button's role. Beside each such label goes a real <button>
   * that clicks the same checkbox; where the menu is a drawer, velkommen.css
   * shows the buttons instead of the labels (a wide screen shows neither).
   * Focus moves into what opens and back to what opened it (without scrolling:
   * a panel that slides in is still off to the side), Escape or tabbing
   * out closes the drawer, and what an open panel covers is inert.
   * velkommen.css hides a closed drawer and closed panels, so Tab never lands
   * on a link that is off screen.
   */
  function setupMenuKeys() {
    /* The search results' scroll area is a Tab stop only while there are
       words to search for: empty, it would close as the field loses focus. */
    var results = document.querySelector(".md-search__scrollwrap");
    var query = document.querySelector(".md-search__input");
    /* Material's search is a dialog without a name: it takes the search field's. */
    var dialog = document.querySelector('.md-search[role="dialog"]');
    if (dialog && query && !dialog.hasAttribute("aria-label")) dialog.setAttribute("aria-label", query.getAttribute("aria-label"));
    if (results && query) {
      var sync = function () { results.setAttribute("tabindex", query.value ? "0" : "-1"); };
      query.addEventListener("input", sync);
      if (query.form) query.form.addEventListener("reset", function () { window.setTimeout(sync, 0); });
      sync();
    }

    var drawer = document.getElementById("__drawer");
    var sidebar = document.querySelector(".md-sidebar--primary");
    var headerLabel = document.querySelector('.md-header label[for="__drawer"]');
    if (!drawer || !sidebar || !headerLabel) return;
    var media = window.matchMedia("(max-width: 76.234375em)");
    var expanders = [];

    function button(label, input, name, expands) {
      var b = document.createElement("button");
      b.type = "button";
      b.className = label.className + " vk-menu-button";
      b.setAttribute("for", input.id);  /* not a button's attribute: only so Material's [for=…] styles apply */
      Array.prototype.forEach.call(label.childNodes, function (node) { b.appendChild(node.cloneNode(true)); });
      if (name) b.setAttribute("aria-label", name);
      if (expands) {
        b.setAttribute("aria-expanded", String(input.checked));
        expanders.push({ button: b, input: input });
      }
      b.addEventListener("click", function () { input.click(); });
      label.classList.add("vk-menu-label");
      label.parentNode.insertBefore(b, label);  /* before: Material styles "label + a" */
      return b;
    }

    var nav = sidebar.querySelector(".md-nav--primary");
    var opener = button(headerLabel, drawer, nav && nav.getAttribute("aria-label"), true);
    var openers = {};
    var backs = {};
    all(".md-nav__toggle", sidebar).forEach(function (input) {
      var panel = input.parentElement.querySelector(":scope > .md-nav");
      if (!panel) return;
      all('label[for="' + input.id + '"]', input.parentElement).forEach(function (label) {
        if (label.parentElement === panel) {
          backs[input.id] = button(label, input, null, false);
        } else {
          var link = label.parentElement.querySelector(":scope > a");
          var name = !label.textContent.trim() && link ? link.textContent.trim() : null;
          openers[input.id] = button(label, input, name, true);
        }
      });
    });
    document.documentElement.classList.add("vk-menu-buttons");

    function isDrawer() { return media.matches; }

    function openPanels() {
      var open = all(".md-nav__toggle:checked", sidebar).map(function (input) {
        return input.parentElement.querySelector(":scope > .md-nav");
      }).filter(Boolean);
      return open.filter(function (p) { return !open.some(function (q) { return q !== p && p.contains(q); }); });
    }

    function update() {
      expanders.forEach(function (x) { x.button.setAttribute("aria-expanded", String(x.input.checked)); });
      all("[data-vk-inert]", sidebar).forEach(function (el) { el.inert = false; el.removeAttribute("data-vk-inert"); });
      var panel = isDrawer() && drawer.checked ? openPanels()[0] : null;
      for (var node = panel; node && node !== sidebar; node = node.parentElement) {
        Array.prototype.forEach.call(node.parentElement.children, function (other) {
          if (other !== node) { other.inert = true; other.setAttribute("data-vk-inert", ""); }
        });
      }
    }

    function focusable(root) {
      return root && root.querySelector("a[href], button:not([disabled])");
    }

    drawer.addEventListener("change", function () {
      var inside = sidebar.contains(document.activeElement);
      update();
      if (!isDrawer()) return;
      if (drawer.checked && document.activeElement === opener) {
        var first = focusable(openPanels()[0]) || focusable(sidebar);
        if (first) first.focus({ preventScroll: true });
      } else if (!drawer.checked && inside) {
        opener.focus({ preventScroll: true });
      }
    });
    all(".md-nav__toggle", sidebar).forEach(function (input) {
      input.addEventListener("change", function () {
        var was = document.activeElement;
        var panel = input.parentElement.querySelector(":scope > .md-nav");
        update();
        if (!isDrawer() || !panel) return;
        if (input.checked && was === openers[input.id] && backs[input.id]) {
          backs[input.id].focus({ preventScroll: true });
        } else if (!input.checked && (panel.contains(was) || was === document.body) && openers[input.id]) {
          openers[input.id].focus({ preventScroll: true });
        }
      });
    });
    document.addEventListener("keydown", function (event) {
      if (isDrawer() && event.key === "Escape" && drawer.checked) {
        drawer.click();
        opener.focus({ preventScroll: true });
      }
    });
    /* Tabbing out of the open drawer closes it: focus never sits behind its overlay. */
    sidebar.addEventListener("focusout", function (event) {
      var next = event.relatedTarget;
      if (isDrawer() && drawer.checked && next && !sidebar.contains(next) && next !== opener) drawer.click();
    });
    if (media.addEventListener) media.addEventListener("change", update);
    update();
  }

  /* ---------- Issue 17: the language links keep the reader's place ---------- */
  /*
   * The same page in another language, with this page's ?query (the guide's
   * situation) and #fragment (the part being read). Set when the page starts,
   * when the fragment changes, and at the moment of a click (the guide
   * rewrites the query without an event).
   */
  function setupLanguageLinks() {
    var links = all("a.vk-lang[hreflang], a.vk-offer__link[hreflang]");
    if (!links.length) return;
    links.forEach(function (a) { a.setAttribute("data-vk-base", a.getAttribute("href").split(/[?#]/)[0]); });
    function sync() {
      links.forEach(function (a) { a.setAttribute("href", a.getAttribute("data-vk-base") + location.search + location.hash); });
    }
    window.addEventListener("hashchange", sync);
    links.forEach(function (a) { a.addEventListener("click", sync); });
    sync();
  }
  /* ---------- end of issue 17 ---------- */

  /*
   * A search that finds nothing says what was searched and offers where to
   * start, and the same search on the site in another language (Material
   * opens its search from ?q=). Shown under Material's own "no results" line.
   */
  function setupSearchNone() {
    var template = document.getElementById("vk-search-none");
    var meta = document.querySelector(".md-search-result__meta");
    var input = document.querySelector(".md-search__input");
    var config = document.getElementById("__config");
    if (!template || !meta || !input || !config || !window.MutationObserver) return;
    var none = ((JSON.parse(config.textContent).translations || {})["search.result.none"] || "").trim();
    var box = null;
    function update() {
      var words = input.value.trim();
      var empty = none && meta.textContent.trim() === none && words;
      if (!empty) {
        if (box) box.hidden = true;
        return;
      }
      if (!box) {
        box = template.content.firstElementChild.cloneNode(true);
        meta.parentNode.appendChild(box);
      }
      box.hidden = false;
      box.querySelector(".vk-search-none__said").textContent = box.getAttribute("data-said").replace("{q}", words);
      all(".vk-search-none__lang", box).forEach(function (a) {
        a.setAttribute("href", a.getAttribute("data-base").split(/[?#]/)[0] + "?q=" + encodeURIComponent(words));
      });
    }
    new MutationObserver(update).observe(meta, { childList: true, characterData: true, subtree: true });
    input.addEventListener("input", update);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
