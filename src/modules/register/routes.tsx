/**
 * Public register pages: every samenwerkingsverband and its schools (DUO open data, no login). The full public
 * SWV and school pages with map and ondersteuningsaanbod belong to the aanbod module; these let a newcomer find
 * the demo region and check the imported register.
 */
import { PUBLIEK } from '../../platform/db/client.js';
import type { App } from '../../platform/http/env.js';
import { defineRoute } from '../../platform/http/policy.js';
import { layoutProps, sendPage } from '../../platform/http/render.js';
import { Layout } from '../../platform/views/layout.js';
import { Heading, Paragraph, Link, Table } from '../../platform/views/components.js';
import { listSwvs } from './store.js';


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

  defineRoute(app, 'GET', '/api/samenwerkingsverbanden', { access: 'publiek', summary: 'API: alle samenwerkingsverbanden' }, async (c) =>
    c.json(await c.var.deps.db.withTenant(PUBLIEK, (tx) => listSwvs(tx))),
  );
}
