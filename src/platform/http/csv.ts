/**
 * CSV export in the form Dutch spreadsheet users open without trouble: UTF-8 with BOM, semicolon separator,
 * RFC 4180 quoting. Cells starting with = + - @ are prefixed with ' so a spreadsheet never runs them as a
 * formula (CSV injection, OWASP).
 */
import type { Context } from 'hono';

function cell(v: string | number | null | undefined): string {
  let s = v === null || v === undefined ? '' : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[";\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Builds a CSV document from a header row and data rows. */
export function toCsv(header: string[], data: (string | number | null | undefined)[][]): string {
  return `\uFEFF${[header, ...data].map((r) => r.map(cell).join(';')).join('\r\n')}\r\n`;
}

/**
 * Sends a CSV document as a download. As bytes, not a string: for exports of thousands of rows the runtime's
 * string check of a large body was measurable (bench/zorgplicht). Lists with pupils are never cached.
 */
export function sendCsv(c: Context, bestandsnaam: string, csv: string, opts: { leerlingen: boolean }) {
  return c.body(new TextEncoder().encode(csv), 200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="${bestandsnaam}"`,
    ...(opts.leerlingen ? { 'Cache-Control': 'no-store' } : {}),
  });
}
