#!/usr/bin/env node
// Regenerates crates/server/assets/world.json: country outlines for the dashboard's map.
//
// One command, from the repository root (needs node, npm and the npm registry):
//
//     npm --prefix crates/server/gen ci && node crates/server/gen/gen_world.mjs [50m|110m]
//
// Input: the npm package world-atlas 2.0.2 (ISC licence, Mike Bostock), which is Natural Earth's
// admin-0 countries (public domain) as TopoJSON; and Debian's iso-codes JSON
// (/usr/share/iso-codes/json/iso_3166-1.json) for the ISO numeric → alpha-2 code of each country.
// See NOTICE beside this file.
//
// Output: {"scale", "width", "height", "countries": [{"id", "cc", "name", "d"}]} where `d` is an
// SVG path in an equirectangular projection: x = (lon + 180) * scale, y = (90 - lat) * scale,
// integer units, relative moves ("M x y l dx dy …z"). Antarctica is left out. Sorted by id.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const resolution = process.argv[2] ?? "50m";
const SCALE = 5; // units per degree: 0.2° (≈ 22 km at the equator)

const topo = JSON.parse(
  readFileSync(join(here, "node_modules/world-atlas", `countries-${resolution}.json`), "utf8"),
);
const iso = JSON.parse(readFileSync("/usr/share/iso-codes/json/iso_3166-1.json", "utf8"));
const alpha2 = new Map(iso["3166-1"].map((c) => [c.numeric, c.alpha_2]));

// TopoJSON arcs: quantized and delta-encoded; decode once to [lon, lat] pairs.
const [sx, sy] = topo.transform.scale;
const [tx, ty] = topo.transform.translate;
const arcs = topo.arcs.map((arc) => {
  let x = 0;
  let y = 0;
  return arc.map(([dx, dy]) => {
    x += dx;
    y += dy;
    return [x * sx + tx, y * sy + ty];
  });
});

function arcPoints(i) {
  return i >= 0 ? arcs[i] : arcs[~i].slice().reverse();
}

function ring(indices) {
  const pts = [];
  for (const i of indices) {
    const a = arcPoints(i);
    pts.push(...(pts.length ? a.slice(1) : a)); // arcs share their end points
  }
  return pts;
}

const project = ([lon, lat]) => [Math.round((lon + 180) * SCALE), Math.round((90 - lat) * SCALE)];

function pathOf(rings) {
  let d = "";
  for (const r of rings) {
    const pts = [];
    for (const p of r.map(project)) {
      const last = pts[pts.length - 1];
      if (!last || last[0] !== p[0] || last[1] !== p[1]) pts.push(p);
    }
    if (pts.length < 4) continue; // a ring smaller than the grid
    let [px, py] = pts[0];
    d += `M${px} ${py}l`;
    const steps = [];
    for (const [x, y] of pts.slice(1, -1)) {
      steps.push(`${x - px} ${y - py}`);
      [px, py] = [x, y];
    }
    d += steps.join(" ").replace(/ -/g, "-") + "z";
  }
  return d;
}

const countries = [];
for (const g of topo.objects.countries.geometries) {
  const name = g.properties?.name ?? "";
  if (name === "Antarctica" || !g.arcs) continue;
  const polys = g.type === "Polygon" ? [g.arcs] : g.arcs;
  const d = pathOf(polys.flat().map(ring));
  if (!d) continue;
  countries.push({ id: g.id ?? "", cc: alpha2.get(g.id) ?? null, name, d });
}
countries.sort((a, b) => a.id.localeCompare(b.id) || a.name.localeCompare(b.name));

const out = {
  source: `Natural Earth admin-0 countries ${resolution} (public domain) via world-atlas 2.0.2 (ISC); see crates/server/gen/NOTICE`,
  scale: SCALE,
  width: 360 * SCALE,
  height: 180 * SCALE,
  countries,
};
const target = join(here, "../assets/world.json");
writeFileSync(target, JSON.stringify(out) + "\n");
console.error(`${target}: ${countries.length} countries, ${JSON.stringify(out).length} bytes`);
