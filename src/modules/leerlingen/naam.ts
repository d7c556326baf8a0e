/** A pupil's full name as pages and letters write it: voornaam, tussenvoegsel (if any), achternaam. */
export function naamVan(l: { voornaam: string; tussenvoegsel: string | null; achternaam: string }): string {
  return [l.voornaam, l.tussenvoegsel, l.achternaam].filter(Boolean).join(' ');
}
