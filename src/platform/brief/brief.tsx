/**
 * A letter (brief) to parents as data: one model, rendered as a printable page (sendBrief below) and as PDF (pdf.ts), so
 * the two never say different things. Letters carry a decision with its reasons and how to object; they are built
 * by each module's pure letter function from its own records.
 *
 * The printable page of a letter (the HTML twin of pdf.ts). The header, menu and footer are hidden when printing
 * (passend.css @media print); the links below the letter are marked 'passend-niet-afdrukken'.
 */
import type { AppContext } from '../http/env.js';
import { layoutProps, sendPage } from '../http/render.js';
import { Layout } from '../views/layout.js';
import { Heading, Link, Paragraph } from '../views/components.js';
import { briefPdf } from './pdf.js';

export interface BriefAlinea {
  /** An optional heading above the paragraph (e.g. "Bezwaar maken"). */
  kop?: string;
  tekst: string;
}

export interface Brief {
  /** The sender: the school location (or the SWV) that decides. */
  afzender: string;
  /** Place/date line, e.g. "Utrecht, 14 april 2025" (a civil date formatted in Dutch). */
  datumregel: string;
  /** Subject line; also the page title and the PDF title. */
  onderwerp: string;
  /** Salutation, e.g. "Beste ouder of verzorger,". */
  aanhef: string;
  alineas: BriefAlinea[];
  /** Closing, e.g. "Met vriendelijke groet,". */
  slot: string;
  /** Who signs: the school or the board. */
  ondertekening: string;
  /** File name of the PDF without extension (ASCII, no spaces). */
  bestandsnaam: string;
}

/** A file name safe for Content-Disposition: letters, digits and dashes only. */
export function veiligeBestandsnaam(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '').toLowerCase().slice(0, 80) || 'brief';
}

/** Sends the letter as a page, or as PDF when `formaat` is 'pdf'. `terug` links back to where the user came from. */
export async function sendBrief(c: AppContext, brief: Brief, opts: { formaat: 'html' | 'pdf'; terug: { href: string; label: string }; pdfHref: string }) {
  if (opts.formaat === 'pdf') {
    const pdf = await briefPdf(brief);
    // A copy on a plain ArrayBuffer: what Response bodies accept.
    return c.body(new Uint8Array(pdf), 200, {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${brief.bestandsnaam}.pdf"`,
      'Cache-Control': 'no-store',
    });
  }
  const props = await layoutProps(c, `Brief: ${brief.onderwerp}`);
  return sendPage(
    c,
    <Layout {...props}>
      <Heading level={1}>{brief.onderwerp}</Heading>
      <Paragraph>{brief.afzender}, {brief.datumregel}</Paragraph>
      <Paragraph>{brief.aanhef}</Paragraph>
      {brief.alineas.map((a) => (
        <>
          {a.kop && <Heading level={2}>{a.kop}</Heading>}
          <Paragraph>{a.tekst}</Paragraph>
        </>
      ))}
      <Paragraph>{brief.slot}</Paragraph>
      <Paragraph>{brief.ondertekening}</Paragraph>
      <Paragraph class="passend-niet-afdrukken">
        <Link href={opts.terug.href}>{opts.terug.label}</Link> · <Link href={opts.pdfHref}>Download als PDF</Link> · Afdrukken kan met Ctrl+P (of Cmd+P op een Mac).
      </Paragraph>
    </Layout>,
  );
}
