/**
 * Static, accessible SVG map of a samenwerkingsverband (SWV) region, rendered on the server as a string (public pages,
 * no JavaScript).
 *
 * We have no postcode polygons, only a centroid per 4-digit postcode area (PC4). The areas are approximated with a
 * Voronoi diagram of the centroids in view (d3-delaunay), and every cell is clipped to a circle of {@link CEL_STRAAL_KM}
 * around its centroid (Sutherland–Hodgman), so cells along the coast, lakes or the edge of the data do not become huge.
 * Region cells get a light accent fill and an outline around the region; neighbouring cells are light grey; schools are
 * small dots on top.
 *
 * Accessibility: the whole `<svg>` is `role="img"` with `aria-labelledby` pointing at its own `<title>` and `<desc>`.
 * Schools are deliberately NOT links (80 schools would mean 80 extra Tab stops); each dot has a `<title>` (tooltip) and
 * the page must list the schools as text (with the links). `KaartSchool.href` is accepted for that list's convenience
 * but not rendered in the map.
 *
 * The app's CSP has no 'unsafe-inline' for styles, so there is no `style` attribute and no `<style>` element: colours
 * are presentation attributes with CSS custom properties and fallbacks (`fill="var(--passend-kaart-regio, #c7dbf0)"`),
 * so a theme can override them. Elements also carry `class` names (`passend-kaart__…`) for the page's stylesheet, e.g.
 * `.passend-kaart { max-inline-size: 100%; block-size: auto }` to make the map shrink on narrow screens.
 */
import { Delaunay } from 'd3-delaunay';

export interface KaartGebied { pc4: string; lat: number; lon: number; inRegio: boolean }
export interface KaartSchool { code: string; naam: string; lat: number; lon: number; href?: string }
export interface KaartInvoer {
  titel: string;
  beschrijving: string;
  /** The region's PC4s (`inRegio: true`) and nearby ones (`inRegio: false`); only those inside the view box are drawn. */
  gebieden: KaartGebied[];
  /** Schools; only those inside the view box are drawn. */
  scholen: KaartSchool[];
  /** Width in px (default 640). */
  breedte?: number;
  /** Id of the `<svg>` (prefix of the title/desc ids); default: a slug of the title. Pass one when a page has two maps with the same title. */
  id?: string;
}

/** Mean kilometres per degree of latitude (Earth radius 6371 km). */
const KM_PER_GRAAD = (6371 * Math.PI) / 180;
/** Margin around the region's centroids in the view box. */
const MARGE_KM = 8;
/** Radius of the circle every Voronoi cell is clipped to. */
export const CEL_STRAAL_KM = 4;
/** Vertices of the clipping circle (a regular polygon inscribed in the circle). */
const CIRKEL_HOEKEN = 24;
/** The map is at most this many times as tall as it is wide; a taller region is scaled down and centred. */
const MAX_HOOGTE_FACTOR = 1.25;
/** Height of the strip under the map with the scale bar. */
const LEGENDA_HOOGTE = 30;
const SCHOOL_STRAAL = 3.5;
const SCHAALSTAPPEN_KM = [0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500];

/*
 * Colours (fallbacks; a theme overrides the custom properties). Contrast ratios (WCAG 2.x relative luminance):
 * - school dot #a8201a vs region fill #c7dbf0: 5.13:1; vs neighbour fill #e3e3e3: 5.67:1; vs its white halo and the
 *   white background: 7.28:1 — all ≥ 3:1 (WCAG 1.4.11 non-text contrast). The 1 px white halo keeps a dot
 *   distinguishable where it overlaps the region outline (#1f4e85, only 1.16:1 against the dot).
 * - region outline #1f4e85 vs region fill: 5.96:1; vs neighbour fill: 6.58:1; vs white: 8.44:1.
 * - scale bar and label #1a1a1a vs white: 17.4:1.
 * The region fill vs neighbour fill (1.1:1) is not meant to carry information on its own: the outline marks the region
 * and the `<desc>` and the page's text describe it.
 */
const KLEUR = {
  achtergrond: 'var(--passend-kaart-achtergrond, #ffffff)',
  regio: 'var(--passend-kaart-regio, #c7dbf0)',
  regioRand: 'var(--passend-kaart-regio-rand, #1f4e85)',
  buur: 'var(--passend-kaart-buur, #e3e3e3)',
  celRand: 'var(--passend-kaart-cel-rand, #ffffff)',
  school: 'var(--passend-kaart-school, #a8201a)',
  schoolRand: 'var(--passend-kaart-school-rand, #ffffff)',
  tekst: 'var(--passend-kaart-tekst, #1a1a1a)',
} as const;

export type Punt = [number, number];

/** Escapes text for XML content and attribute values; drops characters XML 1.0 does not allow. */
export function xmlEscape(s: string): string {
  return s
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A safe id: ASCII letters, digits and hyphens, starting with a letter. */
function slug(s: string): string {
  const basis = s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return /^[a-z]/.test(basis) ? basis : `kaart${basis ? `-${basis}` : ''}`;
}

/** Rounds to 1 decimal and prints without a trailing ".0" (and never "-0"). */
function getal(n: number): string {
  const r = Math.round(n * 10) / 10;
  return Object.is(r, -0) ? '0' : String(r);
}

function geldig(lat: number, lon: number): boolean {
  return Number.isFinite(lat) && Number.isFinite(lon) && Math.abs(lat) <= 89 && Math.abs(lon) <= 180;
}

/** Twice the signed area (positive: counter-clockwise in a y-up system). */
function dubbeleOppervlakte(p: Punt[]): number {
  let a = 0;
  for (let i = 0; i < p.length; i++) {
    const [x1, y1] = p[i]!;
    const [x2, y2] = p[(i + 1) % p.length]!;
    a += x1 * y2 - x2 * y1;
  }
  return a;
}

/**
 * Sutherland–Hodgman: clips polygon `onderwerp` against the convex polygon `venster` (either orientation; neither
 * polygon repeats its first vertex at the end). The result is empty when they do not overlap.
 */
export function knipPolygoon(onderwerp: Punt[], venster: Punt[]): Punt[] {
  const richting = Math.sign(dubbeleOppervlakte(venster)) || 1;
  let uit = onderwerp;
  for (let i = 0; i < venster.length && uit.length > 0; i++) {
    const a = venster[i]!;
    const b = venster[(i + 1) % venster.length]!;
    const binnen = (p: Punt) => richting * ((b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0])) >= 0;
    const snijpunt = (p: Punt, q: Punt): Punt => {
      const ex = b[0] - a[0];
      const ey = b[1] - a[1];
      const dp = ex * (p[1] - a[1]) - ey * (p[0] - a[0]);
      const dq = ex * (q[1] - a[1]) - ey * (q[0] - a[0]);
      const t = dp === dq ? 0 : dp / (dp - dq);
      return [p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])];
    };
    const invoer = uit;
    uit = [];
    for (let j = 0; j < invoer.length; j++) {
      const huidig = invoer[j]!;
      const vorig = invoer[(j + invoer.length - 1) % invoer.length]!;
      const hIn = binnen(huidig);
      const vIn = binnen(vorig);
      if (hIn) {
        if (!vIn) uit.push(snijpunt(vorig, huidig));
        uit.push(huidig);
      } else if (vIn) {
        uit.push(snijpunt(vorig, huidig));
      }
    }
  }
  return uit;
}

function cirkel(m: Punt, r: number): Punt[] {
  const p: Punt[] = [];
  for (let i = 0; i < CIRKEL_HOEKEN; i++) {
    const h = (2 * Math.PI * i) / CIRKEL_HOEKEN;
    p.push([m[0] + r * Math.cos(h), m[1] + r * Math.sin(h)]);
  }
  return p;
}

/** One closed subpath "M x y x y …Z" (implicit lineto after M), rounded to 1 decimal, repeated vertices dropped. */
function subpad(p: Punt[]): string {
  const delen: string[] = [];
  let vorige = '';
  for (const [x, y] of p) {
    const s = `${getal(x)} ${getal(y)}`;
    if (s !== vorige && !(delen.length > 0 && s === delen[0])) delen.push(s);
    vorige = s;
  }
  return delen.length >= 3 ? `M${delen.join(' ')}Z` : '';
}

/** The projected geometry of a map (px, y down); exported for the tests. */
export interface KaartGeometrie {
  breedte: number;
  /** Height of the map area; the scale bar strip comes below it. */
  kaartHoogte: number;
  /** px per km. */
  schaal: number;
  /** Radius of the clipping circle in px. */
  straal: number;
  /** Centroids in view, with whether they are in the region, and their clipped cells (without repeated first vertex). */
  punten: Punt[];
  isRegio: boolean[];
  cellen: Punt[][];
  delaunay: Delaunay<Punt>;
  /** Schools in view. */
  scholen: { school: KaartSchool; p: Punt }[];
}

/** Projects and builds the cells; null when no gebied has `inRegio`. */
export function kaartGeometrie(k: KaartInvoer): KaartGeometrie | null {
  const breedte = Number.isFinite(k.breedte) && k.breedte! >= 100 ? Math.min(k.breedte!, 4000) : 640;
  const gebieden = k.gebieden.filter((g) => geldig(g.lat, g.lon));
  const regio = gebieden.filter((g) => g.inRegio);
  if (regio.length === 0) return null;

  // Projection: local equirectangular around the centre of the region's centroids, in km (y down).
  let minLat = Infinity, maxLat = -Infinity, minLon = Infinity, maxLon = -Infinity;
  for (const g of regio) {
    minLat = Math.min(minLat, g.lat); maxLat = Math.max(maxLat, g.lat);
    minLon = Math.min(minLon, g.lon); maxLon = Math.max(maxLon, g.lon);
  }
  const lat0 = (minLat + maxLat) / 2;
  const lon0 = (minLon + maxLon) / 2;
  const kx = Math.cos((lat0 * Math.PI) / 180) * KM_PER_GRAAD;
  const km = (lat: number, lon: number): Punt => [(lon - lon0) * kx, -(lat - lat0) * KM_PER_GRAAD];

  // View box: the region's centroids plus a margin, scaled to the width (a very tall region: to 1.25 × the width,
  // widened to fill the width).
  let x0 = (minLon - lon0) * kx - MARGE_KM;
  let x1 = (maxLon - lon0) * kx + MARGE_KM;
  const y0 = -(maxLat - lat0) * KM_PER_GRAAD - MARGE_KM;
  const y1 = -(minLat - lat0) * KM_PER_GRAAD + MARGE_KM;
  let schaal = breedte / (x1 - x0);
  if ((y1 - y0) * schaal > breedte * MAX_HOOGTE_FACTOR) {
    schaal = (breedte * MAX_HOOGTE_FACTOR) / (y1 - y0);
    const extra = (breedte / schaal - (x1 - x0)) / 2;
    x0 -= extra;
    x1 += extra;
  }
  const kaartHoogte = Math.ceil((y1 - y0) * schaal);
  const px = (lat: number, lon: number): Punt => {
    const [x, y] = km(lat, lon);
    return [(x - x0) * schaal, (y - y0) * schaal];
  };
  const inBeeld = ([x, y]: Punt) => x >= 0 && x <= breedte && y >= 0 && y <= kaartHoogte;

  // Voronoi cells of the centroids in view, each clipped to a circle around its centroid.
  const punten: Punt[] = [];
  const isRegio: boolean[] = [];
  for (const g of gebieden) {
    const p = px(g.lat, g.lon);
    if (!inBeeld(p)) continue;
    punten.push(p);
    isRegio.push(g.inRegio);
  }
  const straal = CEL_STRAAL_KM * schaal;
  const delaunay = Delaunay.from(punten);
  const voronoi = delaunay.voronoi([0, 0, breedte, kaartHoogte]);
  const cellen: Punt[][] = punten.map((p, i) => {
    const cel = voronoi.cellPolygon(i) as Punt[] | null; // null for a duplicate centroid
    if (!cel || cel.length < 4) return [];
    return knipPolygoon(cel.slice(0, -1), cirkel(p, straal));
  });

  const scholen = k.scholen
    .filter((s) => geldig(s.lat, s.lon))
    .map((school) => ({ school, p: px(school.lat, school.lon) }))
    .filter(({ p }) => inBeeld(p));
  return { breedte, kaartHoogte, schaal, straal, punten, isRegio, cellen, delaunay, scholen };
}

/**
 * Renders the region map as an SVG string (safe to inline: all text escaped).
 *
 * Returns an empty string when no gebied has `inRegio` (e.g. a national SWV or missing data); the caller then shows
 * a text instead of the map.
 */
export function tekenRegioKaart(k: KaartInvoer): string {
  const g = kaartGeometrie(k);
  if (!g) return '';
  const { breedte, kaartHoogte, schaal, straal, punten, isRegio, cellen, delaunay } = g;
  const hoogte = kaartHoogte + LEGENDA_HOOGTE;

  let regioPad = '';
  let buurPad = '';
  for (let i = 0; i < cellen.length; i++) {
    const s = subpad(cellen[i]!);
    if (isRegio[i]) regioPad += s;
    else buurPad += s;
  }

  // Outline of the region: the edges of region cells that are not shared with another region cell. A shared edge
  // lies on the perpendicular bisector of both centroids (both ends equidistant); clipped edges (circle chords) and
  // edges shared with a neighbour cell are part of the outline.
  const eps = 1e-6 * Math.max(1, straal);
  let randPad = '';
  let pen = '';
  for (let i = 0; i < cellen.length; i++) {
    if (!isRegio[i]) continue;
    const cel = cellen[i]!;
    const p = punten[i]!;
    const buren = [...delaunay.neighbors(i)].filter((j) => isRegio[j]);
    const afstand = (a: Punt, b: Punt) => Math.hypot(a[0] - b[0], a[1] - b[1]);
    for (let e = 0; e < cel.length; e++) {
      const a = cel[e]!;
      const b = cel[(e + 1) % cel.length]!;
      const gedeeld = buren.some((j) => {
        const q = punten[j]!;
        return Math.abs(afstand(a, p) - afstand(a, q)) < eps && Math.abs(afstand(b, p) - afstand(b, q)) < eps;
      });
      if (gedeeld) continue;
      const van = `${getal(a[0])} ${getal(a[1])}`;
      const naar = `${getal(b[0])} ${getal(b[1])}`;
      if (van === naar) continue;
      randPad += van === pen ? ` ${naar}` : `M${van} ${naar}`;
      pen = naar;
    }
  }

  // Scale bar: the "nice" length closest to a fifth of the width.
  const doel = breedte / 5 / schaal;
  const stap = SCHAALSTAPPEN_KM.reduce((best, s) => (Math.abs(Math.log(s / doel)) < Math.abs(Math.log(best / doel)) ? s : best));
  const balk = stap * schaal;
  const bx = 8;
  const by = kaartHoogte + 18;
  const schaalLabel = `${String(stap).replace('.', ',')} km`;

  const id = slug(k.id ?? k.titel);
  const scholen = g.scholen
    .map(({ school, p }) =>
      `<circle cx="${getal(p[0])}" cy="${getal(p[1])}" r="${SCHOOL_STRAAL}"><title>${xmlEscape(school.naam)}</title></circle>`)
    .join('');

  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="passend-kaart" id="${id}" width="${breedte}" height="${hoogte}" ` +
    `viewBox="0 0 ${breedte} ${hoogte}" role="img" aria-labelledby="${id}-titel ${id}-beschrijving">` +
    `<title id="${id}-titel">${xmlEscape(k.titel)}</title>` +
    `<desc id="${id}-beschrijving">${xmlEscape(k.beschrijving)}</desc>` +
    `<rect class="passend-kaart__achtergrond" width="${breedte}" height="${hoogte}" fill="${KLEUR.achtergrond}"/>` +
    (buurPad ? `<path class="passend-kaart__buren" d="${buurPad}" fill="${KLEUR.buur}" stroke="${KLEUR.celRand}" stroke-width="0.75" stroke-linejoin="round"/>` : '') +
    `<path class="passend-kaart__regio" d="${regioPad}" fill="${KLEUR.regio}" stroke="${KLEUR.celRand}" stroke-width="0.75" stroke-linejoin="round"/>` +
    (randPad ? `<path class="passend-kaart__regio-rand" d="${randPad}" fill="none" stroke="${KLEUR.regioRand}" stroke-width="1.5" stroke-linejoin="round" stroke-linecap="round"/>` : '') +
    (scholen ? `<g class="passend-kaart__scholen" fill="${KLEUR.school}" stroke="${KLEUR.schoolRand}" stroke-width="1">${scholen}</g>` : '') +
    `<g class="passend-kaart__schaal" fill="none" stroke="${KLEUR.tekst}" stroke-width="1.5">` +
    `<path d="M${bx} ${by - 5}V${by}H${getal(bx + balk)}V${by - 5}"/>` +
    `<text x="${getal(bx + balk + 6)}" y="${by + 1}" fill="${KLEUR.tekst}" stroke="none" font-size="12">${xmlEscape(schaalLabel)}</text>` +
    `</g></svg>`
  );
}
