// Drives herald's dashboard in headless Chromium: node tests/browser/dashboard.mjs URL
//
// Checks what a user does: the map shows event markers, the timeline has bars, the quad-class
// filter changes the table, clicking an event opens its article with highlights, the lit
// words are the event's words (checked against the API's byte spans, so the UTF-16 offsets and
// the rendering are both tested), and clicking a highlight selects its event.
// Env: CHROMIUM (default /usr/bin/chromium), SCREENSHOTS (a directory: saves PNGs there).
import { chromium } from "playwright-core";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const url = process.argv[2];
if (!url) {
  console.error("usage: node dashboard.mjs http://127.0.0.1:PORT/");
  process.exit(2);
}
const shots = process.env.SCREENSHOTS;
const profile = mkdtempSync(join(tmpdir(), "herald-chromium-"));
const failures = [];
let passed = 0;

function check(cond, what) {
  if (cond) {
    passed += 1;
    console.log(`ok   ${what}`);
  } else {
    failures.push(what);
    console.log(`FAIL ${what}`);
  }
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",

  ],
  timeout: 60_000,
});
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.setDefaultTimeout(20_000);
  const problems = [];
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("console", (m) => { if (m.type() === "error") problems.push(`console error: ${m.text()}`); });
  page.on("requestfailed", (r) => problems.push(`request failed: ${r.url()}`));
  // Nothing may leave the machine: the page is self-contained.
  page.on("request", (r) => {
    const u = new URL(r.url());
    if (!["127.0.0.1", "localhost", "[::1]"].includes(u.hostname)) problems.push(`outside request: ${r.url()}`);
  });

  await page.goto(url, { waitUntil: "load" });
  await page.waitForSelector("#map circle.marker");
  await page.waitForSelector("#timeline rect.bar");
  await page.waitForSelector("#events tbody tr");
  const markers = await page.locator("#map circle.marker").count();
  check(markers > 0, `the map shows event markers (${markers})`);
  const countries = await page.locator("#map path.country").count();
  check(countries > 150, `the map draws country outlines (${countries})`);
  const bars = await page.locator("#timeline rect.bar").count();
  check(bars > 0, `the timeline has bars (${bars})`);
  const allRows = await page.locator("#events tbody tr").count();
  const api = (path) => page.evaluate(async (p) => (await fetch(p)).json(), path);
  const everything = await api("/api/events?limit=0");
  check((await page.textContent("#count")).endsWith(`of ${everything.total.toLocaleString("en-US")}`),
    `the table counts every event (${everything.total})`);
  if (shots) await page.screenshot({ path: join(shots, "dashboard.png") });

  // Filter: quad class 4.
  const conflict = await api("/api/events?quad=4&limit=0");
  check(conflict.total > 0 && conflict.total < everything.total,
    `the data has material-conflict events and others (${conflict.total} of ${everything.total})`);
  await page.selectOption("#f-quad", "4");
  await page.waitForFunction((n) => document.querySelector("#count").textContent.endsWith(`of ${n.toLocaleString("en-US")}`), conflict.total);
  const quads = await page.locator("#events tbody tr .qchip").allTextContents();
  check(quads.length > 0 && quads.every((q) => q === "4"), `quad=4 leaves only quad-4 rows (${quads.length} rows, was ${allRows})`);
  check(page.url().includes("quad=4"), "the filter is kept in the URL");
  const barQuads = await page.locator("#timeline rect.bar").evaluateAll((rs) => rs.map((r) => r.dataset.quad));
  check(barQuads.length > 0 && barQuads.every((q) => q === "4"), "the timeline follows the filter");

  // Article view: click the first event.
  const first = page.locator("#events tbody tr").first();
  const key = Number(await first.getAttribute("data-key"));
  await first.click();
  await page.waitForSelector("#article .hl.on");
  const event = await api(`/api/events/${key}`);
  const doc = await api(`/api/documents/${encodeURIComponent(event.doc_id)}`);
  const lit = await page.locator("#article .hl").count();
  check(lit > 0, `the article shows highlights (${lit} pieces)`);
  check(await page.locator("#events tbody tr.sel").count() === 1, "the clicked row is selected");
  const kinds = await page.locator("#article .hl").evaluateAll((s) => [...new Set(s.flatMap((e) => [...e.classList]))]);
  check(kinds.includes("hl-event") && kinds.includes("hl-actor"), `events and actors are lit (${kinds.filter((k) => k.startsWith("hl-")).join(" ")})`);

  // The words lit for the event are the words its byte spans name.
  const bytes = Buffer.from(doc.text, "utf8");
  const words = (span) => bytes.subarray(span[0], span[1]).toString("utf8");
  const domText = (j) => page.evaluate((jj) => [...document.querySelectorAll("#article .hl")]
    .filter((e) => e.dataset.h.split(" ").includes(String(jj))).map((e) => e.textContent).join(""), j);
  const evIdx = doc.highlights.findIndex((h) => h.kind === "event" && h.events[0] === key);
  check(evIdx >= 0, "the event's evidence is a highlight");
  if (evIdx >= 0) {
    const want = words(event.evidence);
    const got = await domText(evIdx);
    check(got === want && want.length > 0, `the evidence lit is the event's words: ${JSON.stringify(got)}`);
  }
  const srcIdx = doc.highlights.findIndex((h) => h.kind === "actor" && h.span[0] === event.source.span[0] && h.span[1] === event.source.span[1]);
  if (event.source.span[1] > event.source.span[0]) {
    check(srcIdx >= 0, "the event's source actor is a highlight");
    if (srcIdx >= 0) {
      const got = await domText(srcIdx);
      check(got === words(event.source.span), `the source lit is ${JSON.stringify(got)}`);
    }
  }
  const nonAscii = /[^\x00-\x7f]/.test(doc.text);
  console.log(`info the article ${nonAscii ? "has" : "has no"} non-ASCII text; every highlight checked below`);
  // Every highlight: DOM text equals the text of its byte span.
  let wrong = 0;
  for (let j = 0; j < doc.highlights.length; j++) {
    const h = doc.highlights[j];
    if (await domText(j) !== words(h.span)) wrong += 1;
  }
  check(wrong === 0, `all ${doc.highlights.length} highlights sit on their byte spans (${wrong} wrong)`);
  if (shots) await page.screenshot({ path: join(shots, "article.png") });

  // Clicking a highlight of another event selects that event.
  const other = doc.highlights.findIndex((h) => h.kind === "event" && h.events.length && h.events[0] !== key);
  if (other >= 0) {
    const otherKey = doc.highlights[other].events[0];
    const piece = page.locator(`#article .hl[data-h~="${other}"]`).last();
    await piece.click();
    await page.waitForFunction((k) => document.querySelector("#event-card")?.dataset.key === String(k), otherKey);
    check(true, `clicking a highlight selects its event (${otherKey})`);
  } else {
    console.log("info the article has one event: highlight-click check skipped");
  }

  // Map marker: filters to the place.
  await page.selectOption("#f-quad", "");
  await page.waitForFunction((n) => document.querySelector("#count").textContent.endsWith(`of ${n.toLocaleString("en-US")}`), everything.total);
  await page.locator("#map circle.marker").first().click();
  await page.waitForSelector("#near-chip:not([hidden])");
  check(page.url().includes("near="), "clicking a marker filters to its place");
  if (shots) await page.screenshot({ path: join(shots, "near.png") });

  // Timeline: a bar's click shows its days (a day, a week or a month, by the span shown).
  await page.goto(url, { waitUntil: "load" });
  await page.waitForSelector("#timeline rect.bar");
  const bar = page.locator("#timeline rect.bar").last();
  const barDate = await bar.getAttribute("data-date");
  await bar.click();
  await page.waitForFunction((d) => document.querySelector("#filters [name=from]").value === d, barDate);
  const to = await page.inputValue("#filters [name=to]");
  // The table reloads after the filter is set: wait until its rows are the new ones (the
  // check below still reports a table that never settles).
  await page.waitForFunction(([from, upto]) => {
    const dates = [...document.querySelectorAll("#events tbody tr td:first-child")].map((td) => td.textContent);
    return dates.length > 0 && dates.every((d) => d >= from && d <= upto);
  }, [barDate, to], { timeout: 10000 }).catch(() => {});
  const rowDates = await page.locator("#events tbody tr td:first-child").allTextContents();
  check(to >= barDate && rowDates.length > 0 && rowDates.every((d) => d >= barDate && d <= to),
    `clicking a timeline bar shows its days (${barDate} to ${to}, ${rowDates.length} rows)`);

  check(problems.length === 0, `no page errors, failed or outside requests${problems.length ? ": " + problems.join("; ") : ""}`);
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
console.log(`${passed} passed, ${failures.length} failed`);
process.exit(failures.length ? 1 : 0);
