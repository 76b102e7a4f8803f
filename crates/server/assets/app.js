// herald dashboard: map, timeline, event table and article view over herald's JSON API.
// Plain JavaScript, no build step, no outside requests; every text from the data goes into the
// page through textContent, never as HTML.
"use strict";

const ROOTS = {
  "01": "make public statement", "02": "appeal", "03": "express intent to cooperate",
  "04": "consult", "05": "diplomatic cooperation", "06": "material cooperation",
  "07": "provide aid", "08": "yield", "09": "investigate", "10": "demand",
  "11": "disapprove", "12": "reject", "13": "threaten", "14": "protest",
  "15": "exhibit force posture", "16": "reduce relations", "17": "coerce", "18": "assault",
  "19": "fight", "20": "unconventional mass violence",
};
const QUADS = { 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict" };
const PAGE = 100;
const MAP_LIMIT = 1000;
const SVG = "http://www.w3.org/2000/svg";

const $ = (sel) => document.querySelector(sel);
const state = {
  offset: 0, total: 0, rows: [], selected: null, doc: null, world: null,
  view: null, fit: null, token: sessionStorage.getItem("herald-token") || "",
};

// ---------- small helpers ----------
function el(tag, attrs = {}, ...children) {
  const e = tag.startsWith("svg:") ? document.createElementNS(SVG, tag.slice(4)) : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") e.setAttribute("class", v);
    else if (k === "text") e.textContent = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  for (const c of children) if (c !== null && c !== undefined) e.append(c);
  return e;
}
function svgEl(tag, attrs, ...children) { return el("svg:" + tag, attrs, ...children); }
function title(text) { return svgEl("title", { text }); }
function fmt(n) { return Number(n).toLocaleString("en-US"); }

async function api(path) {
  const headers = state.token ? { Authorization: "Bearer " + state.token } : {};
  const resp = await fetch(path, { headers });
  if (resp.status === 401) {
    $("#token-form").hidden = false;
    throw new Error("this server needs an API token (enter it above)");
  }
  const body = await resp.json().catch(() => ({}));
  if (!resp.ok) {
    const where = body.param ? ` (${body.param})` : "";
    throw new Error((body.error || resp.statusText) + where);
  }
  return body;
}

function showError(err) {
  const box = $("#error");
  if (!err) { box.hidden = true; box.textContent = ""; return; }
  box.hidden = false;
  box.textContent = String(err.message || err);
}

// ---------- filters ----------
function filterParams() {
  const form = new FormData($("#filters"));
  const p = new URLSearchParams();
  for (const [k, v] of form.entries()) {
    const s = String(v).trim();
    if (s) p.set(k, k === "country" ? s.toUpperCase() : s);
  }
  return p;
}

function setFilter(name, value) {
  const input = $("#filters").elements[name];
  if (input.type === "checkbox") input.checked = !!value; else input.value = value || "";
  state.offset = 0;
  refresh();
}

function syncUrl(p) {
  const q = p.toString();
  history.replaceState(null, "", q ? "?" + q : location.pathname);
}

function restoreFilters() {
  const p = new URLSearchParams(location.search);
  const form = $("#filters");
  for (const [k, v] of p.entries()) {
    const input = form.elements[k];
    if (!input) continue;
    if (input.type === "checkbox") input.checked = v === "true"; else input.value = v;
  }
}

function nearChip() {
  const near = $("#filters").elements.near.value;
  const chip = $("#near-chip");
  chip.hidden = !near;
  chip.textContent = near ? "near " + near.replace(/,([^,]*)$/, " ±$1 km") : "";
}

// ---------- loading ----------
async function refresh() {
  const p = filterParams();
  syncUrl(p);
  nearChip();
  showError(null);
  try {
    await Promise.all([loadTable(p), loadTimeline(p), loadMap(p)]);
  } catch (e) {
    showError(e);
  }
}

async function loadStats() {
  try {
    const s = await api("/api/stats");
    const box = $("#stats");
    box.replaceChildren();
    for (const k of ["documents", "events", "quotes", "figures", "places", "mentions"]) {
      box.append(el("b", { text: fmt(s[k] ?? 0) }), " " + k + "  ");
    }
  } catch (e) {
    showError(e);
  }
}

// ---------- table ----------
async function loadTable(p) {
  const q = new URLSearchParams(p);
  q.set("limit", PAGE);
  q.set("offset", state.offset);
  const page = await api("/api/events?" + q);
  state.total = page.total;
  state.rows = page.events;
  renderTable();
}

function actorCell(a) {
  if (!a) return el("td", { class: "sub", text: "—" });
  return el("td", { title: a.text }, el("span", { class: "code", text: a.code || "···" }), " ",
    el("span", { class: "sub", text: a.text }));
}

function renderTable() {
  const body = $("#events tbody");
  body.replaceChildren();
  for (const e of state.rows) {
    const date = e.date || e.published || "";
    const root = ROOTS[e.root] || "";
    const tr = el("tr", {
      "data-key": e.key,
      class: [e.negated ? "negated" : "", state.selected && state.selected.key === e.key ? "sel" : ""].join(" ").trim() || null,
      onclick: () => selectEvent(e),
    },
      el("td", { text: date, title: e.date_text ? `“${e.date_text}”` : "publication date" }),
      actorCell(e.source),
      el("td", { title: `CAMEO ${e.cameo}: ${root}` + (e.plover ? ` · PLOVER ${e.plover.type}` : "") },
        el("span", { class: "code", text: e.cameo }), " ", el("span", { text: root })),
      actorCell(e.target),
      el("td", {}, el("span", { class: "qchip q" + e.quad_class, text: e.quad_class, title: QUADS[e.quad_class] })),
      el("td", { text: e.place ? e.place.name + (e.place.country ? " · " + e.place.country : "") : "", class: "sub" }),
      el("td", { class: "doc", text: e.doc_title || e.doc_id, title: e.doc_title || e.doc_id }),
    );
    body.append(tr);
  }
  const from = state.total ? state.offset + 1 : 0;
  const to = state.offset + state.rows.length;
  $("#count").textContent = `${fmt(from)}–${fmt(to)} of ${fmt(state.total)}`;
  $("#prev").disabled = state.offset === 0;
  $("#next").disabled = to >= state.total;
}

// ---------- timeline ----------
async function loadTimeline(p) {
  const t = await api("/api/timeline?" + p);
  renderTimeline(t.days);
  $("#timeline-note").textContent = `${fmt(t.total)} dated events`;
}

// Bars of a day, a week (from Monday) or a month, whichever keeps the span under ~180 bars.
function bucketing(first, last) {
  const span = (Date.parse(last) - Date.parse(first)) / 86400000;
  if (span <= 180) return "day";
  return span <= 3 * 365 ? "week" : "month";
}

function bucketStart(day, unit) {
  if (unit === "day") return day;
  if (unit === "month") return day.slice(0, 7) + "-01";
  const d = new Date(day + "T00:00:00Z");
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

function nextBucket(day, unit) {
  const d = new Date(day + "T00:00:00Z");
  if (unit === "day") d.setUTCDate(d.getUTCDate() + 1);
  else if (unit === "week") d.setUTCDate(d.getUTCDate() + 7);
  else d.setUTCMonth(d.getUTCMonth() + 1);
  return d.toISOString().slice(0, 10);
}

function bucketList(first, last, unit) {
  const out = [];
  for (let d = first; d <= last && out.length < 3660; d = nextBucket(d, unit)) out.push(d);
  return out;
}

function renderTimeline(rows) {
  const svg = $("#timeline");
  svg.replaceChildren();
  const W = svg.clientWidth || 600;
  const H = svg.clientHeight || 110;
  svg.setAttribute("viewBox", `0 0 ${W} ${H}`);
  if (!rows.length) {
    svg.append(svgEl("text", { x: W / 2, y: H / 2, "text-anchor": "middle", class: "axis", text: "no dated events" }));
    return;
  }
  const sorted = rows.map((r) => r.date).sort();
  const unit = bucketing(sorted[0], sorted[sorted.length - 1]);
  const byDay = new Map();
  for (const r of rows) {
    const b = bucketStart(r.date, unit);
    if (!byDay.has(b)) byDay.set(b, [0, 0, 0, 0, 0]);
    byDay.get(b)[r.quad_class] += r.count;
  }
  const dates = [...byDay.keys()].sort();
  const days = bucketList(dates[0], dates[dates.length - 1], unit);
  $("#timeline-unit").textContent = `per ${unit}`;
  const max = Math.max(...[...byDay.values()].map((v) => v[1] + v[2] + v[3] + v[4]));
  const pad = { l: 30, r: 6, t: 6, b: 18 };
  const w = (W - pad.l - pad.r) / days.length;
  const y = (n) => pad.t + (H - pad.t - pad.b) * (1 - n / max);
  for (const tick of [0, Math.ceil(max / 2), max]) {
    svg.append(svgEl("line", { x1: pad.l, x2: W - pad.r, y1: y(tick), y2: y(tick), class: "grid" }));
    svg.append(svgEl("text", { x: pad.l - 4, y: y(tick) + 3, "text-anchor": "end", class: "axis", text: tick }));
  }
  const labelEvery = Math.max(1, Math.ceil(days.length / Math.max(1, (W - pad.l) / 70)));
  const label = (day) => (unit === "day" ? day.slice(5) : unit === "week" ? day.slice(2) : day.slice(0, 7));
  days.forEach((day, i) => {
    const x = pad.l + i * w;
    const counts = byDay.get(day) || [0, 0, 0, 0, 0];
    const end = new Date(Date.parse(nextBucket(day, unit)) - 86400000).toISOString().slice(0, 10);
    const shown = unit === "day" ? day : `${day} to ${end}`;
    let acc = 0;
    for (const q of [4, 3, 2, 1]) {
      const n = counts[q];
      if (!n) continue;
      const top = y(acc + n);
      svg.append(svgEl("rect", {
        x: x + Math.min(1, w * 0.1), y: top, width: Math.max(1, w - Math.min(2, w * 0.2)), height: y(acc) - top,
        class: `bar q${q}`, "data-date": day, "data-quad": q,
        onclick: () => { setFilterDays(day, end); },
      }, title(`${shown}: ${n} ${QUADS[q]} (click to show these days)`)));
      acc += n;
    }
    if (i % labelEvery === 0) {
      svg.append(svgEl("text", { x: x + w / 2, y: H - 5, "text-anchor": "middle", class: "axis", text: label(day) }));
    }
  });
}

function setFilterDays(from, to) {
  const f = $("#filters").elements;
  f.from.value = from;
  f.to.value = to;
  state.offset = 0;
  refresh();
}

// ---------- map ----------
async function loadWorld() {
  if (!state.world) {
    const resp = await fetch("/world.json");
    state.world = await resp.json();
  }
  return state.world;
}

function project(lat, lon) {
  const s = state.world.scale;
  return [(lon + 180) * s, (90 - lat) * s];
}

async function loadMap(p) {
  const q = new URLSearchParams(p);
  q.set("limit", MAP_LIMIT);
  const [world, page] = await Promise.all([loadWorld(), api("/api/events?" + q)]);
  renderMap(world, page.events);
  const placed = page.events.filter((e) => e.place).length;
  $("#map-note").textContent = page.total > MAP_LIMIT
    ? `${fmt(placed)} placed of the first ${fmt(MAP_LIMIT)} of ${fmt(page.total)} events`
    : `${fmt(placed)} of ${fmt(page.total)} events placed`;
}

function renderMap(world, events) {
  const svg = $("#map");
  svg.replaceChildren();
  const countries = new Map();
  const places = new Map();
  for (const e of events) {
    if (!e.place) continue;
    const k = e.place.lat.toFixed(2) + "," + e.place.lon.toFixed(2);
    if (!places.has(k)) places.set(k, { name: e.place.name, lat: e.place.lat, lon: e.place.lon, q: [0, 0, 0, 0, 0], n: 0, keys: [] });
    const pl = places.get(k);
    pl.q[e.quad_class] += 1;
    pl.n += 1;
    pl.keys.push(e.key);
    if (e.place.country) countries.set(e.place.country, (countries.get(e.place.country) || 0) + 1);
  }
  const land = svgEl("g", {});
  for (const c of world.countries) {
    land.append(svgEl("path", { d: c.d, class: "country" + (c.cc && countries.has(c.cc) ? " has" : ""), "data-cc": c.cc || "" },
      title(c.name + (c.cc && countries.has(c.cc) ? `: ${countries.get(c.cc)} events` : ""))));
  }
  svg.append(land);
  const marks = svgEl("g", { id: "markers" });
  const list = [...places.values()].sort((a, b) => b.n - a.n);
  for (const pl of list) {
    const [x, y] = project(pl.lat, pl.lon);
    const dominant = [1, 2, 3, 4].reduce((best, q) => (pl.q[q] > pl.q[best] ? q : best), 4);
    const mix = [1, 2, 3, 4].filter((q) => pl.q[q]).map((q) => `${pl.q[q]} ${QUADS[q]}`).join(", ");
    marks.append(svgEl("circle", {
      cx: x, cy: y, r: 1, class: `marker q${dominant}`, "data-n": pl.n, "data-keys": pl.keys.join(" "),
      onclick: () => setFilter("near", `${pl.lat.toFixed(3)},${pl.lon.toFixed(3)},25`),
    }, title(`${pl.name}: ${pl.n} events (${mix}). Click to filter to 25 km around it.`)));
  }
  svg.append(marks);
  const labels = svgEl("g", { id: "labels" });
  for (const pl of list.slice(0, 8)) {
    const [x, y] = project(pl.lat, pl.lon);
    labels.append(svgEl("text", { x, y, class: "label", "data-x": x, "data-y": y, text: pl.name }));
  }
  svg.append(labels);
  state.fit = fitBox(list);
  if (!state.view) state.view = state.fit;
  else state.view = state.fit; // a new filter: show its events
  applyView();
}

function fitBox(list) {
  const W = state.world.width;
  const H = state.world.height;
  if (!list.length) return { x: 0, y: H * 0.05, w: W, h: H * 0.75 };
  const pts = list.map((pl) => project(pl.lat, pl.lon));
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  const s = state.world.scale;
  const min = 24 * s; // at least 24° across
  let x0 = Math.min(...xs); let x1 = Math.max(...xs);
  let y0 = Math.min(...ys); let y1 = Math.max(...ys);
  const cx = (x0 + x1) / 2; const cy = (y0 + y1) / 2;
  let w = Math.max(min, (x1 - x0) * 1.4);
  let h = Math.max(min / 2, (y1 - y0) * 1.4);
  return { x: cx - w / 2, y: cy - h / 2, w, h };
}

function applyView() {
  const svg = $("#map");
  const v = state.view;
  const box = svg.getBoundingClientRect();
  const aspect = box.width && box.height ? box.width / box.height : 2;
  let { x, y, w, h } = v;
  if (w / h < aspect) { const nw = h * aspect; x -= (nw - w) / 2; w = nw; } else { const nh = w / aspect; y -= (nh - h) / 2; h = nh; }
  svg.setAttribute("viewBox", `${x} ${y} ${w} ${h}`);
  const px = w / (box.width || 800); // map units per screen pixel
  for (const c of svg.querySelectorAll(".marker")) {
    c.setAttribute("r", (3 + 2.2 * Math.sqrt(Number(c.dataset.n))) * px);
  }
  for (const t of svg.querySelectorAll(".label")) {
    t.setAttribute("x", Number(t.dataset.x) + 8 * px);
    t.setAttribute("y", Number(t.dataset.y) + 4 * px);
    t.setAttribute("font-size", 11 * px);
    t.setAttribute("stroke-width", 3 * px);
  }
  state.view = { x, y, w, h };
}

function zoom(factor, cx, cy) {
  const v = state.view;
  if (!v) return;
  const w = Math.min(state.world.width * 1.2, Math.max(20, v.w * factor));
  const h = v.h * (w / v.w);
  const px = cx ?? v.x + v.w / 2;
  const py = cy ?? v.y + v.h / 2;
  state.view = { x: px - (px - v.x) * (w / v.w), y: py - (py - v.y) * (h / v.h), w, h };
  applyView();
}

function mapInteractions() {
  const svg = $("#map");
  $("#zoom-in").onclick = () => zoom(1 / 1.6);
  $("#zoom-out").onclick = () => zoom(1.6);
  $("#zoom-fit").onclick = () => { state.view = state.fit; applyView(); };
  $("#zoom-world").onclick = () => { state.view = { x: 0, y: state.world.height * 0.05, w: state.world.width, h: state.world.height * 0.75 }; applyView(); };
  svg.addEventListener("wheel", (ev) => {
    ev.preventDefault();
    const r = svg.getBoundingClientRect();
    const v = state.view;
    zoom(ev.deltaY > 0 ? 1.25 : 0.8, v.x + (ev.clientX - r.left) / r.width * v.w, v.y + (ev.clientY - r.top) / r.height * v.h);
  }, { passive: false });
  let drag = null;
  svg.addEventListener("pointerdown", (ev) => { if (ev.target.classList.contains("marker")) return; drag = { x: ev.clientX, y: ev.clientY, v: { ...state.view } }; svg.setPointerCapture(ev.pointerId); });
  svg.addEventListener("pointermove", (ev) => {
    if (!drag) return;
    const r = svg.getBoundingClientRect();
    state.view = { ...drag.v, x: drag.v.x - (ev.clientX - drag.x) / r.width * drag.v.w, y: drag.v.y - (ev.clientY - drag.y) / r.height * drag.v.h };
    applyView();
  });
  svg.addEventListener("pointerup", () => { drag = null; });
  window.addEventListener("resize", () => { if (state.view) applyView(); });
}

// ---------- article ----------
async function selectEvent(e) {
  state.selected = e;
  for (const tr of document.querySelectorAll("#events tbody tr")) tr.classList.toggle("sel", Number(tr.dataset.key) === e.key);
  for (const c of document.querySelectorAll("#map .marker")) c.classList.toggle("sel", c.dataset.keys.split(" ").includes(String(e.key)));
  renderCard(e);
  try {
    if (!state.doc || state.doc.meta.id !== e.doc_id) {
      state.doc = await api("/api/documents/" + encodeURIComponent(e.doc_id));
      renderArticle(state.doc);
    }
    lightEvent(e.key, true);
  } catch (err) {
    showError(err);
  }
}

async function selectEventByKey(key) {
  const inTable = state.rows.find((r) => r.key === key);
  try {
    const e = inTable || await api("/api/events/" + key);
    await selectEvent(e);
  } catch (err) {
    showError(err);
  }
}

function renderCard(e) {
  const card = $("#event-card");
  card.hidden = false;
  card.dataset.key = e.key;
  card.replaceChildren();
  const who = (a) => (a ? `${a.text} (${a.code || "no code"})` : "—");
  card.append(el("div", { class: "headline", text: `${e.source.text || e.source.code} → ${ROOTS[e.root] || e.cameo} → ${e.target ? e.target.text || e.target.code : "—"}` }));
  const rows = [
    ["CAMEO", `${e.cameo} · Goldstein ${e.goldstein} · quad ${e.quad_class} ${QUADS[e.quad_class]}`],
    ["PLOVER", e.plover ? e.plover.type + (e.plover.mode ? " / " + e.plover.mode : "") : "—"],
    ["Source", who(e.source)],
    ["Target", who(e.target)],
    ["Date", (e.date || "—") + (e.date_text ? ` (“${e.date_text}”)` : " (publication date)")],
    ["Place", e.place ? `${e.place.name}${e.place.country ? ", " + e.place.country : ""} (${e.place.lat.toFixed(2)}, ${e.place.lon.toFixed(2)})` : "—"],
    ["Flags", [e.negated && "negated", e.hedged && "hedged", e.reported && "reported claim"].filter(Boolean).join(", ") || "—"],
    ["Reports", `${e.num_mentions} mentions · ${e.num_sources} sources · ${e.num_articles} articles`],
    ["Rule", e.rule],
  ];
  for (const [k, v] of rows) card.append(el("dt", { text: k }), el("dd", { text: v }));
}

// Splits the text at every highlight boundary; each piece carries the highlights covering it.
function renderArticle(doc) {
  const box = $("#article");
  box.replaceChildren();
  box.append(el("h3", { text: doc.meta.title || doc.meta.id }));
  const meta = [doc.meta.published, doc.meta.source, doc.meta.id].filter(Boolean).join(" · ");
  box.append(el("div", { class: "meta" }, meta + " ", doc.meta.url ? el("a", { href: doc.meta.url, rel: "noreferrer noopener", target: "_blank", text: "source" }) : null));
  const text = doc.text;
  const hs = doc.highlights;
  const cuts = new Set([0, text.length]);
  for (const h of hs) { cuts.add(h.start); cuts.add(h.end); }
  const points = [...cuts].sort((a, b) => a - b);
  const para = el("div", { class: "text" });
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const piece = text.slice(a, b);
    const cover = [];
    hs.forEach((h, j) => { if (h.start <= a && b <= h.end) cover.push(j); });
    if (!cover.length) { para.append(piece); continue; }
    const kinds = [...new Set(cover.map((j) => hs[j].kind))];
    para.append(el("span", {
      class: "hl " + kinds.map((k) => "hl-" + k).join(" "),
      "data-h": cover.join(" "),
      title: cover.map((j) => `${hs[j].kind}: ${hs[j].label}`).join("\n"),
      onclick: (ev) => { ev.stopPropagation(); clickHighlight(cover); },
      text: piece,
    }));
  }
  box.append(para);
}

// The most specific highlight under the click decides the event.
function clickHighlight(cover) {
  const hs = state.doc.highlights;
  const linked = cover.filter((j) => hs[j].events.length).sort((x, y) => (hs[x].end - hs[x].start) - (hs[y].end - hs[y].start));
  if (!linked.length) return;
  const key = hs[linked[0]].events[0];
  selectEventByKey(key);
}

function lightEvent(key, scroll) {
  const hs = state.doc.highlights;
  let first = null;
  for (const span of document.querySelectorAll("#article .hl")) {
    const on = span.dataset.h.split(" ").some((j) => hs[Number(j)].events.includes(key));
    span.classList.toggle("on", on);
    if (on && !first) first = span;
  }
  if (scroll && first) first.scrollIntoView({ block: "center", behavior: "instant" });
}

// ---------- wiring ----------
function init() {
  const root = $("#f-root");
  for (const [code, name] of Object.entries(ROOTS)) root.append(el("option", { value: code, text: `${code} ${name}` }));
  restoreFilters();
  const form = $("#filters");
  form.addEventListener("submit", (ev) => { ev.preventDefault(); state.offset = 0; refresh(); });
  form.addEventListener("reset", () => { setTimeout(() => { state.offset = 0; refresh(); }, 0); });
  for (const name of ["root", "quad", "negated", "from", "to"]) form.elements[name].addEventListener("change", () => { state.offset = 0; refresh(); });
  $("#near-chip").addEventListener("click", () => setFilter("near", ""));
  $("#prev").onclick = () => { state.offset = Math.max(0, state.offset - PAGE); loadTable(filterParams()).catch(showError); };
  $("#next").onclick = () => { state.offset += PAGE; loadTable(filterParams()).catch(showError); };
  $("#token-form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    state.token = $("#token").value.trim();
    sessionStorage.setItem("herald-token", state.token);
    $("#token-form").hidden = true;
    loadStats();
    refresh();
  });
  mapInteractions();
  loadStats();
  refresh();
}

document.addEventListener("DOMContentLoaded", init);
