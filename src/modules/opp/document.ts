/**
 * The OPP as a document for a meeting: one version with its status, the talks, the decisions and the views, as data
 * in the letter model (platform/brief), so the printable page and the PDF say the same. Pure. A proposal gets lines
 * for the parents' signature: many parents decide on paper in the meeting, and the school records that afterwards.
 */
import { formatDutch } from '../../platform/civil-date.js';
import { veiligeBestandsnaam, type Brief, type BriefAlinea } from '../../platform/brief/brief.js';
import { DOMEIN_CODES, DOMEINEN } from '../aanbod/rules/domeinen.js';
import { naamVan } from '../leerlingen/naam.js';
import { domeinLabel, ONDERDEEL_LABEL } from './rules/inhoud.js';
import { uitstroomLabel } from './rules/uitstroom.js';
import { versieStatus, VERSIE_STATUS_LABEL } from './rules/versies.js';
import { SOORT_LABEL } from './schemas.js';
import type { OppRecords, OppRij, VersieRij } from './store.js';
import { besluitDoor, INSTEMMING_TEKST, OOGO_TEKST } from './weergave.js';

export function oppDocument(opp: OppRij, records: OppRecords, v: VersieRij, vandaag: string): Brief {
  const status = versieStatus(records.versies, v.volgnummer);
  const alineas: BriefAlinea[] = [
    { kop: 'Leerling', tekst: `${naamVan(opp)}, geboren ${formatDutch(opp.geboortedatum)}. ${SOORT_LABEL[opp.soort]}: ${opp.vestigingNaam}.` },
    { kop: ONDERDEEL_LABEL.uitstroom, tekst: [v.uitstroom ? (uitstroomLabel(opp.soort, v.uitstroom) ?? v.uitstroom) : 'Nog niet ingevuld.', v.uitstroomToelichting].filter(Boolean).join(' ') },
  ];
  const domeinen = DOMEIN_CODES.filter((d) => v.factoren.some((f) => f.domein === d));
  alineas.push({ kop: ONDERDEEL_LABEL.factoren, tekst: domeinen.length ? '' : 'Nog niet ingevuld.' });
  for (const d of domeinen) {
    const van = (soort: 'belemmerend' | 'bevorderend') => v.factoren.filter((f) => f.domein === d && f.soort === soort).map((f) => f.tekst).join(' ');
    alineas.push({ kop: DOMEINEN[d].label, tekst: [van('belemmerend') && `Wat het moeilijk maakt: ${van('belemmerend')}`, van('bevorderend') && `Wat helpt: ${van('bevorderend')}`].filter(Boolean).join(' — ') });
  }
  alineas.push({ kop: ONDERDEEL_LABEL.handelingsdeel, tekst: v.handelingsdeel.length ? '' : 'Nog geen doelen.' });
  v.handelingsdeel.forEach((h, n) => {
    alineas.push({
      kop: `Doel ${n + 1} (${domeinLabel(h.domein)})`,
      tekst: `${h.doel} — Ondersteuning: ${h.ondersteuning}${h.wie ? ` — Wie: ${h.wie}` : ''}${h.hoeVaak ? ` — Hoe vaak: ${h.hoeVaak}` : ''}`,
    });
  });
  alineas.push({ kop: ONDERDEEL_LABEL.afwijkingen, tekst: v.afwijkingen || 'Geen.' });
  const oogos = records.oogos.filter((o) => o.volgnummer === v.volgnummer);
  if (oogos.length) {
    alineas.push({ kop: 'Overleg met de ouders', tekst: oogos.map((o) => `${formatDutch(o.op)}: ${OOGO_TEKST[o.uitkomst]} (${o.deelnemers}).${o.verslag ? ` ${o.verslag}` : ''}`).join(' ') });
  }
  const besluiten = records.instemmingen.filter((i) => i.volgnummer === v.volgnummer);
  if (besluiten.length) {
    alineas.push({ kop: 'Besluit over het handelingsdeel', tekst: besluiten.map((i) => `${formatDutch(i.op)}: ${INSTEMMING_TEKST[i.uitkomst]} (${besluitDoor(i)}).${i.reden ? ` ${i.reden}` : ''}`).join(' ') });
  }
  const meningen = records.meningen.filter((m) => m.volgnummer <= v.volgnummer);
  for (const m of meningen) {
    alineas.push({
      kop: m.van === 'leerling' ? `Mening van de leerling (${formatDutch(m.gegevenOp)})` : `Mening van ${m.namens} (${formatDutch(m.gegevenOp)})`,
      tekst: `${m.soort === 'niet-gehoord' ? `Niet gevraagd: ${m.reden}` : m.antwoorden.map((a) => `${a.vraag} ${a.antwoord}`).join(' ')}${m.reactie ? ` Wat de school ermee doet: ${m.reactie}` : ''}`,
    });
  }
  const voorstel = status === 'concept';
  return {
    afzender: opp.vestigingNaam,
    datumregel: formatDutch(vandaag),
    onderwerp: `Ontwikkelingsperspectief van ${naamVan(opp)}, versie ${v.volgnummer}`,
    aanhef: `${VERSIE_STATUS_LABEL[status]}${v.vastgesteldOp ? ` op ${formatDutch(v.vastgesteldOp)}` : ''}.`,
    alineas,
    slot: voorstel
      ? 'Instemming met het handelingsdeel van deze versie. Ik stem wel / niet in (doorhalen wat niet van toepassing is). Naam, datum en handtekening van de ouder(s):'
      : 'Dit ontwikkelingsperspectief is opgesteld na overleg met de ouders.',
    ondertekening: voorstel ? '____________________________________' : opp.vestigingNaam,
    bestandsnaam: veiligeBestandsnaam(`opp-${naamVan(opp)}-versie-${v.volgnummer}`),
  };
}
