/**
 * Public register pages: every samenwerkingsverband and its schools (DUO open data, no login). The full public
 * SWV and school pages with map and ondersteuningsaanbod belong to the aanbod module; these let a newcomer find
 * the demo region and check the imported register.
 */
import type { App } from '../../platform/http/env.js';
import { defineRoute } from '../../platform/http/policy.js';
import { layoutProps, sendPage } from '../../platform/http/render.js';
import { AppError } from '../../platform/errors.js';
import { Layout } from '../../platform/views/layout.js';
import { Heading, Paragraph, Link, Table } from '../../platform/views/components.js';
import { listSwvs, findSwv, listVestigingenVanSwv } from './store.js';

/** Public pages read as the app role without a tenant: RLS hides every pupil table. */
const PUBLIEK = { swvId: null, userId: null };

const SOORT_LABEL: Record<string, string> = {
  bao: 'basisschool', sbo: 'speciaal basisonderwijs', so: 'speciaal onderwijs', vso: 'voortgezet speciaal onderwijs',
  'so/vso': 'speciaal en voortgezet speciaal onderwijs', vo: 'voortgezet onderwijs',
};

/** Registers the public register pages and their JSON API. */
export function registerRegisterRoutes(app: App): void {
  defineRoute(app, 'GET', '/samenwerkingsverbanden', { access: 'publiek', summary: 'Alle samenwerkingsverbanden' }, async (c) => {
    const swvs = await c.var.deps.db.withTenant(PUBLIEK, (tx) => listSwvs(tx));
    const props = await layoutProps(c, 'Samenwerkingsverbanden passend onderwijs');
    return sendPage(
      c,
      <Layout {...props}>
        <Heading level={1}>Samenwerkingsverbanden passend onderwijs</Heading>
        <Paragraph>
          In een samenwerkingsverband werken de scholen van een regio samen, zodat elk kind een passende plek krijgt.
          Er zijn samenwerkingsverbanden voor het primair onderwijs (PO) en het voortgezet onderwijs (VO). Bron: DUO.
        </Paragraph>
        <Table caption={`${swvs.length} samenwerkingsverbanden`} rowHeaders headers={['Naam', 'Code', 'Sector', { label: 'Scholen', numeric: true }]} rows={swvs.map((s) => [
          <Link href={`/samenwerkingsverbanden/${s.code}`}>{s.naam}</Link>, s.code, s.sector.toUpperCase(), s.aantalVestigingen,
        ])} />
      </Layout>,
    );
  });

  defineRoute(app, 'GET', '/samenwerkingsverbanden/:code', { access: 'publiek', summary: 'Eén samenwerkingsverband met zijn scholen' }, async (c) => {
    const code = (c.req.param('code') ?? '').toUpperCase();
    if (!/^(PO|VO)\d{4}$/.test(code)) throw new AppError('not_found');
    const swv = await c.var.deps.db.withTenant(PUBLIEK, (tx) => findSwv(tx, code));
    if (!swv) throw new AppError('not_found');
    const scholen = await c.var.deps.db.withTenant(PUBLIEK, (tx) => listVestigingenVanSwv(tx, code));
    const props = await layoutProps(c, swv.naam);
    return sendPage(
      c,
      <Layout {...props}>
        <Heading level={1}>{swv.naam}</Heading>
        <Paragraph>Code {swv.code}, {swv.sector === 'po' ? 'primair onderwijs' : 'voortgezet onderwijs'}. {swv.isLandelijk ? 'Dit is een landelijk samenwerkingsverband zonder eigen regio.' : ''}</Paragraph>
        <Table caption={`Scholen (${scholen.length})`} rowHeaders headers={['School', 'Soort', 'Plaats', 'Vestigingscode']} rows={scholen.map((v) => [
          v.naam, SOORT_LABEL[v.soort] ?? v.soort, v.plaats ?? '', v.code,
        ])} empty="Van dit samenwerkingsverband zijn geen scholen bekend." />
        <Paragraph><Link href="/samenwerkingsverbanden">Alle samenwerkingsverbanden</Link></Paragraph>
      </Layout>,
    );
  });

  defineRoute(app, 'GET', '/api/samenwerkingsverbanden', { access: 'publiek', summary: 'API: alle samenwerkingsverbanden' }, async (c) =>
    c.json(await c.var.deps.db.withTenant(PUBLIEK, (tx) => listSwvs(tx))),
  );
}
