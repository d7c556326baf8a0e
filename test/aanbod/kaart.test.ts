/**
 * The static SVG region map (src/modules/aanbod/kaart.ts), with synthetic data: a jittered grid of fake PC4 centroids
 * around 52.1N 5.2E (spacing ≈ 1.5 km), the middle 8 × 8 minus the corners (60 areas) being the region.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  kaartGeometrie, knipPolygoon, tekenRegioKaart, type KaartGebied, type KaartInvoer, type KaartSchool, type Punt,
} from '../../src/modules/aanbod/kaart.js';

/** Deterministic PRNG (mulberry32). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DLAT = 1.5 / 111.2;
const DLON = 1.5 / (111.2 * Math.cos((52.1 * Math.PI) / 180));

function invoer(over: Partial<KaartInvoer> = {}): KaartInvoer {
  const r = prng(42);
  const gebieden: KaartGebied[] = [];
  const n = 26;
  const midden = [9, 16] as const; // region rows/cols 9..16 (8 × 8)
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const inBlok = i >= midden[0] && i <= midden[1] && j >= midden[0] && j <= midden[1];
      const hoek = (i === midden[0] || i === midden[1]) && (j === midden[0] || j === midden[1]);
      gebieden.push({
        pc4: String(1000 + i * n + j),
        lat: 52.1 + (i - n / 2 + (r() - 0.5) * 0.6) * DLAT,
        lon: 5.2 + (j - n / 2 + (r() - 0.5) * 0.6) * DLON,
        inRegio: inBlok && !hoek,
      });
    }
  }
  const regio = gebieden.filter((g) => g.inRegio);
  const scholen: KaartSchool[] = [];
  for (let s = 0; s < 80; s++) {
    const g = regio[s % regio.length]!;
    scholen.push({
      code: `00AA${String(s).padStart(2, '0')}`, naam: `School ${s}`,
      lat: g.lat + (r() - 0.5) * DLAT * 0.5, lon: g.lon + (r() - 0.5) * DLON * 0.5, href: `/scholen/${s}`,
    });
  }
  scholen.push({ code: '99ZZ00', naam: 'Verre school Groningen', lat: 53.2, lon: 6.56 });
  scholen.push({ code: '99ZZ01', naam: 'Verre school Maastricht', lat: 50.85, lon: 5.69 });
  return {
    titel: 'Kaart van SWV Test', beschrijving: 'Het werkgebied met 80 scholen.', gebieden, scholen, ...over,
  };
}

function attribuut(svg: string, element: string, naam: string): string {
  const m = new RegExp(`<${element}\\b[^>]*\\s${naam}="([^"]*)"`).exec(svg);
  assert.ok(m, `${element}[${naam}] present`);
  return m[1]!;
}

function viewBox(svg: string): [number, number, number, number] {
  const v = attribuut(svg, 'svg', 'viewBox').split(' ').map(Number);
  assert.equal(v.length, 4);
  return v as [number, number, number, number];
}

/** The subpaths of a "M x y x y …Z" path (absolute, implicit lineto), as vertex lists. */
function subpaden(d: string): Punt[][] {
  return d.split('Z').filter((s) => s.trim()).map((s) => {
    assert.match(s, /^M[-\d. ]+$/, 'only M … Z subpaths');
    const n = s.slice(1).trim().split(/\s+/).map(Number);
    assert.equal(n.length % 2, 0);
    const p: Punt[] = [];
    for (let i = 0; i < n.length; i += 2) p.push([n[i]!, n[i + 1]!]);
    return p;
  });
}

function pad(svg: string, klasse: string): string {
  const m = new RegExp(`<path class="${klasse}" d="([^"]*)"`).exec(svg);
  assert.ok(m, `path.${klasse} present`);
  return m[1]!;
}

/** Minimal well-formedness check: tags balance, attributes are quoted, no stray "<" or "&" in text. */
function assertWelgevormd(svg: string): void {
  const stapel: string[] = [];
  const tag = /<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/y;
  let i = 0;
  while (i < svg.length) {
    const lt = svg.indexOf('<', i);
    const tekst = svg.slice(i, lt < 0 ? svg.length : lt);
    assert.doesNotMatch(tekst, /&(?!(amp|lt|gt|quot|#39);)/, `unescaped & in ${JSON.stringify(tekst)}`);
    assert.doesNotMatch(tekst, />/, 'stray >');
    if (lt < 0) break;
    tag.lastIndex = lt;
    const m = tag.exec(svg);
    assert.ok(m, `well-formed tag at ${lt}: ${svg.slice(lt, lt + 60)}`);
    const [, sluit, naam, , leeg] = m;
    if (sluit) assert.equal(stapel.pop(), naam, `closing ${naam}`);
    else if (!leeg) stapel.push(naam!);
    i = tag.lastIndex;
  }
  assert.deepEqual(stapel, [], 'all elements closed');
}

describe('tekenRegioKaart', () => {
  test('an accessible, well-formed svg with title and desc', () => {
    const svg = tekenRegioKaart(invoer());
    assert.ok(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'));
    assert.ok(svg.endsWith('</svg>'));
    assertWelgevormd(svg);
    assert.equal(attribuut(svg, 'svg', 'role'), 'img');
    const id = attribuut(svg, 'svg', 'id');
    assert.equal(id, 'kaart-van-swv-test');
    assert.equal(attribuut(svg, 'svg', 'aria-labelledby'), `${id}-titel ${id}-beschrijving`);
    assert.ok(svg.includes(`<title id="${id}-titel">Kaart van SWV Test</title>`));
    assert.ok(svg.includes(`<desc id="${id}-beschrijving">Het werkgebied met 80 scholen.</desc>`));
    // CSP: no inline styles; colours are themeable custom properties with a fallback.
    assert.doesNotMatch(svg, /\sstyle=|<style/);
    assert.ok(svg.includes('fill="var(--passend-kaart-regio, #c7dbf0)"'));
    // Schools are not links (no extra Tab stops), nothing is focusable.
    assert.doesNotMatch(svg, /<a\b|tabindex|href=/);
    // Scale bar: 5 km or 10 km at this size.
    assert.match(svg, />(5|10) km<\/text>/);
    assert.equal(tekenRegioKaart(invoer({ id: 'mijn kaart 2' })).match(/ id="([^"]*)"/)?.[1], 'mijn-kaart-2');
  });

  test('escapes title, description and school names', () => {
    const boos = `<script>&"'`;
    const svg = tekenRegioKaart(invoer({
      titel: `Kaart ${boos}`, beschrijving: `Beschrijving ${boos}`,
      scholen: [{ code: 'X', naam: boos, lat: 52.1, lon: 5.2 }],
    }));
    assertWelgevormd(svg);
    const veilig = '&lt;script&gt;&amp;&quot;&#39;';
    assert.ok(svg.includes(`>Kaart ${veilig}</title>`));
    assert.ok(svg.includes(`>Beschrijving ${veilig}</desc>`));
    assert.ok(svg.includes(`<title>${veilig}</title></circle>`));
    assert.doesNotMatch(svg, /<script/);
    assert.match(attribuut(svg, 'svg', 'id'), /^[a-z][a-z0-9-]*$/);
  });

  test('draws only the schools inside the view box', () => {
    const svg = tekenRegioKaart(invoer());
    assert.equal(svg.match(/<circle /g)?.length, 80);
    assert.ok(!svg.includes('Verre school'));
    const [, , w, h] = viewBox(svg);
    for (const m of svg.matchAll(/<circle cx="([^"]+)" cy="([^"]+)"/g)) {
      const [x, y] = [Number(m[1]), Number(m[2])];
      assert.ok(x >= 0 && x <= w && y >= 0 && y <= h, `school at ${x},${y}`);
    }
  });

  test('every region cell lies within the view box', () => {
    const k = invoer();
    const svg = tekenRegioKaart(k);
    const [x0, y0, w, h] = viewBox(svg);
    const g = kaartGeometrie(k)!;
    const cellen = subpaden(pad(svg, 'passend-kaart__regio'));
    assert.equal(cellen.length, 60);
    for (const cel of cellen) {
      for (const [x, y] of cel) {
        assert.ok(Number.isFinite(x) && Number.isFinite(y));
        assert.ok(x >= x0 && x <= x0 + w && y >= y0 && y <= y0 + g.kaartHoogte && g.kaartHoogte < h, `vertex ${x},${y}`);
      }
    }
    // Neighbours outside the view box are left out.
    assert.ok(g.punten.length < k.gebieden.length);
  });

  test('cells are clipped to the circle around their centroid', () => {
    const k = invoer();
    const svg = tekenRegioKaart(k);
    const g = kaartGeometrie(k)!;
    const afstand = (a: Punt, b: Punt) => Math.hypot(a[0] - b[0], a[1] - b[1]);
    // The geometry: every vertex within the radius of its own centroid.
    g.cellen.forEach((cel, i) => {
      assert.ok(cel.length >= 3, `cell ${i} not empty`);
      for (const v of cel) assert.ok(afstand(v, g.punten[i]!) <= g.straal + 1e-9);
    });
    // The rendered paths (rounded): each subpath within radius + 0.5 px of a centroid.
    const centroiden = g.punten;
    for (const klasse of ['passend-kaart__regio', 'passend-kaart__buren']) {
      for (const cel of subpaden(pad(svg, klasse))) {
        const past = centroiden.some((c) => cel.every((v) => afstand(v, c) <= g.straal + 0.5));
        assert.ok(past, `${klasse} cell ${JSON.stringify(cel[0])} within the clipping circle`);
      }
    }
    // The edge of the data: a lone region centroid gets a (24-gon) circle, not a cell up to the view box.
    const alleen = kaartGeometrie({ titel: 't', beschrijving: 'b', scholen: [], gebieden: [{ pc4: '1234', lat: 52, lon: 5, inRegio: true }] })!;
    assert.equal(alleen.cellen[0]!.length, 24);
    for (const v of alleen.cellen[0]!) assert.ok(Math.abs(afstand(v, alleen.punten[0]!) - alleen.straal) < 1e-6);
  });

  test('Sutherland–Hodgman clipping of convex polygons, either orientation', () => {
    const vierkant: Punt[] = [[0, 0], [10, 0], [10, 10], [0, 10]];
    const driehoek: Punt[] = [[5, -5], [15, 5], [5, 15]];
    for (const venster of [driehoek, [...driehoek].reverse()]) {
      const uit = knipPolygoon(vierkant, venster);
      const opp = Math.abs(uit.reduce((a, p, i) => { const q = uit[(i + 1) % uit.length]!; return a + p[0] * q[1] - q[0] * p[1]; }, 0)) / 2;
      assert.ok(Math.abs(opp - 50) < 1e-9, `area ${opp}`); // square ∩ triangle = the rectangle [5,10] × [0,10]
    }
    assert.deepEqual(knipPolygoon(vierkant, [[20, 20], [30, 20], [30, 30]]), []);
  });

  test('no region (e.g. a national SWV): empty string, the caller shows a text', () => {
    assert.equal(tekenRegioKaart(invoer({ gebieden: [] })), '');
    const k = invoer();
    assert.equal(tekenRegioKaart({ ...k, gebieden: k.gebieden.map((g) => ({ ...g, inRegio: false })) }), '');
    assert.equal(tekenRegioKaart({ ...k, gebieden: [{ pc4: '1234', lat: NaN, lon: 5, inRegio: true }] }), '');
  });

  test('size: 60 region areas, ≥ 250 neighbours and 80 schools stay well under 60 KB', () => {
    const k = invoer();
    const g = kaartGeometrie(k)!;
    const buren = g.isRegio.filter((r) => !r).length;
    assert.ok(buren >= 250, `${buren} neighbours in view`);
    assert.equal(g.scholen.length, 80);
    const bytes = Buffer.byteLength(tekenRegioKaart(k));
    assert.ok(bytes < 60_000, `${bytes} bytes`);
  });

  test('property: random centroids never throw and never emit NaN', () => {
    const nl = fc.record({
      pc4: fc.stringMatching(/^\d{4}$/),
      lat: fc.double({ min: 50.7, max: 53.6, noNaN: true }),
      lon: fc.double({ min: 3.3, max: 7.2, noNaN: true }),
      inRegio: fc.boolean(),
    });
    const wild = fc.record({ pc4: fc.string(), lat: fc.double(), lon: fc.double(), inRegio: fc.boolean() });
    const school = fc.record({
      code: fc.string(), naam: fc.string(),
      lat: fc.oneof(fc.double({ min: 50.7, max: 53.6 }), fc.double()), lon: fc.oneof(fc.double({ min: 3.3, max: 7.2 }), fc.double()),
    });
    // Clustered points (duplicates, collinear rows) are the hard cases for the Voronoi diagram.
    const cluster = fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 }), fc.boolean()), { maxLength: 12 })
      .map((p) => p.map(([a, b, r], i) => ({ pc4: String(i), lat: 52 + a * 0.01, lon: 5 + b * 0.01, inRegio: r })));
    fc.assert(
      fc.property(
        fc.oneof(fc.array(nl, { maxLength: 60 }), fc.array(fc.oneof(nl, wild), { maxLength: 20 }), cluster),
        fc.array(school, { maxLength: 10 }),
        fc.option(fc.oneof(fc.integer({ min: -10, max: 2000 }), fc.double()), { nil: undefined }),
        fc.string(),
        (gebieden, scholen, breedte, titel) => {
          const svg = tekenRegioKaart({ titel, beschrijving: titel, gebieden, scholen, breedte });
          assert.doesNotMatch(svg, /NaN|Infinity|undefined/);
          if (gebieden.some((g) => g.inRegio && Number.isFinite(g.lat) && Math.abs(g.lat) <= 89 && Math.abs(g.lon) <= 180)) {
            assert.ok(svg.startsWith('<svg'));
            assertWelgevormd(svg);
          } else {
            assert.equal(svg, '');
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
