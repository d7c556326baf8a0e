/**
 * The form fields of a child's own details (the ZLeerlingGegevens schema): one set for registering or editing a
 * pupil and for an application, by the school or by a parent. No BSN field: Passend does not hold it.
 */
import { FormField } from '../../platform/views/components.js';

type Waarde = string | null | undefined;

export function LeerlingVelden(props: {
  values: { voornaam?: Waarde; tussenvoegsel?: Waarde; achternaam?: Waarde; geboortedatum?: Waarde; woonPc4?: Waarde };
  errors: Record<string, string>;
  /** The postcode question in the words of who fills it in (school or parent). */
  postcodeLabel?: string;
  postcodeUitleg?: string;
}) {
  const { values: v, errors: e } = props;
  return (
    <>
      <FormField name="voornaam" label="Voornaam" value={v.voornaam ?? undefined} error={e.voornaam} autocomplete="off" required />
      <FormField name="tussenvoegsel" label="Tussenvoegsel (als die er is)" value={v.tussenvoegsel ?? undefined} error={e.tussenvoegsel} autocomplete="off" />
      <FormField name="achternaam" label="Achternaam" value={v.achternaam ?? undefined} error={e.achternaam} autocomplete="off" required />
      <FormField name="geboortedatum" type="date" label="Geboortedatum" value={v.geboortedatum ?? undefined} error={e.geboortedatum} required />
      <FormField name="woonPc4" label={props.postcodeLabel ?? 'Postcode woonadres (alleen de 4 cijfers)'} description={props.postcodeUitleg} value={v.woonPc4 ?? undefined} error={e.woonPc4} inputmode="numeric" maxlength={4} />
    </>
  );
}
