/**
 * Public pages of the parents' own online application: the form (from the school's page in the finder), and the
 * confirmation with the dates of the legal clock. No account needed; the invitation mail lets the parent follow it.
 */
import type { App, AppContext } from '../../platform/http/env.js';
import { authDeps } from '../../platform/http/env.js';
import { defineRoute } from '../../platform/http/policy.js';
import { readForm, validate, type FormValues } from '../../platform/http/forms.js';
import { layoutProps, sendPage } from '../../platform/http/render.js';
import { AppError } from '../../platform/errors.js';
import { formatDutch, isCivilDate } from '../../platform/civil-date.js';
import { Layout } from '../../platform/views/layout.js';
import { LeerlingVelden } from '../leerlingen/velden.js';
import {
  Alert, Button, CheckboxField, ErrorSummary, Form, FormField, Heading, Link, Paragraph, RadioGroup, TextareaField,
} from '../../platform/views/components.js';
import { meldAanAlsOuder, schoolVoorAanmelding } from './ouder-aanmelding.js';
import { ZOuderAanmelding } from './schemas.js';

function code(c: AppContext): string {
  const v = c.req.param('code')?.toUpperCase() ?? '';
  if (!/^[0-9A-Z]{4}\d{2}$/.test(v)) throw new AppError('not_found');
  return v;
}

async function formulier(c: AppContext, values: FormValues, errors: Record<string, string>, status: 200 | 422 | 429 = 200) {
  const school = await schoolVoorAanmelding(c.var.deps, code(c));
  const props = await layoutProps(c, `Uw kind aanmelden bij ${school.naam}`, { hasErrors: Object.keys(errors).length > 0 });
  return sendPage(
    c,
    <Layout {...props}>
      <Heading level={1}>Uw kind aanmelden bij {school.naam}</Heading>
      <ErrorSummary errors={errors} />
      <Paragraph>
        Met dit formulier meldt u uw kind schriftelijk aan bij {school.naam}{school.plaats ? ` in ${school.plaats}` : ''}. De school beslist
        binnen 6 weken of uw kind kan komen. Heeft uw kind extra ondersteuning nodig en kan de school die niet geven? Dan zoekt de school
        samen met u een andere school die wel past.
      </Paragraph>
      <Paragraph>
        U heeft geen account nodig. U krijgt een e-mail met een link. Daarmee volgt u de aanmelding in Passend: u ziet elke stap, de datum
        waarop de school uiterlijk beslist, en het besluit. Een burgerservicenummer vragen wij hier niet; dat geeft u later aan de school.
      </Paragraph>
      <Form action={`/scholen/${school.code}/aanmelden`} csrfToken={c.var.csrfToken}>
        <Heading level={2}>Uw kind</Heading>
        <LeerlingVelden values={values} errors={errors} postcodeLabel="Postcode van uw adres (alleen de 4 cijfers)" />
        <CheckboxField name="doofOfSlechthorend" label="Mijn kind is doof of slechthorend (speciaal onderwijs: aanmelden kan vanaf 2 jaar)" checked={values.doofOfSlechthorend === 'ja'} />
        <Heading level={2}>De aanmelding</Heading>
        <FormField name="gewensteStartdatum" type="date" label="Wanneer wilt u dat uw kind begint? (niet verplicht)" description="Meld uw kind als het kan 10 weken voor die datum aan." value={values.gewensteStartdatum} error={errors.gewensteStartdatum} />
        <TextareaField name="andereScholen" label="Heeft u uw kind ook bij andere scholen aangemeld? Welke?" description="Dat moet u vertellen. Laat leeg als het geen andere scholen zijn." value={values.andereScholen} error={errors.andereScholen} rows={2} />
        <RadioGroup name="isEersteVoorkeur" legend="Is deze school uw eerste keus?" description="De school van uw eerste keus zorgt voor een passende plek als uw kind extra ondersteuning nodig heeft." value={values.isEersteVoorkeur} error={errors.isEersteVoorkeur} options={[{ value: 'ja', label: 'Ja' }, { value: 'nee', label: 'Nee' }]} />
        <RadioGroup name="extraOndersteuningVerwacht" legend="Denkt u dat uw kind extra ondersteuning nodig heeft?" value={values.extraOndersteuningVerwacht} error={errors.extraOndersteuningVerwacht} options={[{ value: 'ja', label: 'Ja' }, { value: 'nee', label: 'Nee' }]} />
        <TextareaField name="ouderInformatie" label="Wat moet de school weten over de ondersteuning van uw kind? (niet verplicht)" description="Bijvoorbeeld wat goed werkt en wat moeilijk is. Alleen de school en het samenwerkingsverband lezen dit." value={values.ouderInformatie} error={errors.ouderInformatie} rows={4} />
        <Heading level={2}>Over u</Heading>
        <FormField name="ouderNaam" label="Uw naam" value={values.ouderNaam} error={errors.ouderNaam} autocomplete="name" required />
        <FormField name="ouderEmail" type="email" label="Uw e-mailadres" description="Hierheen sturen wij de link om de aanmelding te volgen." value={values.ouderEmail} error={errors.ouderEmail} autocomplete="email" required />
        <RadioGroup name="relatie" legend="U bent de" value={values.relatie ?? 'ouder'} error={errors.relatie} options={[{ value: 'ouder', label: 'Ouder' }, { value: 'voogd', label: 'Voogd' }]} />
        <CheckboxField name="gezag" label="Ik heb het ouderlijk gezag over dit kind" checked={values.gezag === 'ja'} error={errors.gezag} />
        <Paragraph>Wat wij met uw gegevens doen, staat op de pagina <Link href="/privacy">Privacy</Link>.</Paragraph>
        <Button>Aanmelding versturen</Button>
      </Form>
      <Paragraph><Link href={`/scholen/${school.code}`}>Terug naar de school</Link></Paragraph>
    </Layout>,
    status,
  );
}

/** Registers the public application pages. */
export function registerAanmeldenRoutes(app: App): void {
  defineRoute(app, 'GET', '/scholen/:code/aanmelden', { access: 'publiek', summary: 'Formulier: uw kind aanmelden bij een school (ouders, zonder account)' }, (c) => formulier(c, {}, {}));

  defineRoute(app, 'POST', '/scholen/:code/aanmelden', { access: 'publiek', summary: 'Aanmelding door de ouder: kind, aanmelding, uitnodiging om te volgen' }, async (c) => {
    const values = await readForm(c);
    const v = validate(ZOuderAanmelding, values);
    if (!v.ok) return formulier(c, values, v.errors, 422);
    try {
      const r = await meldAanAlsOuder(authDeps(c.var.deps), code(c), v.data, { ip: c.var.clientIp, requestId: c.var.requestId });
      // Only the school and the two dates go into the address: nothing about the child.
      return c.redirect(`/scholen/${r.school.code}/aanmelden/ontvangen?op=${r.ontvangenOp}&termijn=${r.termijn}`, 303);
    } catch (err) {
      if (err instanceof AppError && err.code === 'validation_failed') return formulier(c, values, err.fields ?? {}, 422);
      if (err instanceof AppError && err.code === 'rate_limited') return formulier(c, values, { ouderEmail: err.detail ?? 'Te veel aanmeldingen. Probeer het later opnieuw.' }, 429);
      throw err;
    }
  });

  defineRoute(app, 'GET', '/scholen/:code/aanmelden/ontvangen', { access: 'publiek', summary: 'Bevestiging: de aanmelding is ontvangen' }, async (c) => {
    const school = await schoolVoorAanmelding(c.var.deps, code(c));
    const op = c.req.query('op') ?? '';
    const termijn = c.req.query('termijn') ?? '';
    const props = await layoutProps(c, 'Uw aanmelding is ontvangen');
    return sendPage(
      c,
      <Layout {...props}>
        <Heading level={1}>Uw aanmelding is ontvangen</Heading>
        <Alert type="ok" heading={`${school.naam} heeft uw aanmelding`} headingLevel={2}>
          <Paragraph>
            {isCivilDate(op) ? `Ontvangen op ${formatDutch(op)}. ` : ''}
            {isCivilDate(termijn) ? `De school beslist uiterlijk op ${formatDutch(termijn)}. Lukt dat niet, dan mag de school die termijn één keer met hoogstens 4 weken verlengen. U krijgt daar dan een brief over.` : ''}
          </Paragraph>
        </Alert>
        <Heading level={2}>Wat gebeurt er nu?</Heading>
        <ol class="passend-stappen">
          <li class="passend-stap">U krijgt een e-mail met een link. Open die link om de aanmelding in Passend te volgen. U logt in met een code die u per e-mail krijgt.</li>
          <li class="passend-stap">De school bekijkt wat uw kind nodig heeft. Zij kan u daarover bellen of mailen.</li>
          <li class="passend-stap">De school beslist. Kan uw kind niet op deze school komen omdat het extra ondersteuning nodig heeft? Dan zorgt de school eerst voor een andere school die uw kind wil toelaten.</li>
        </ol>
        <Paragraph>Geen e-mail gekregen? Kijk in uw map met ongewenste e-mail, of neem contact op met de school.</Paragraph>
        <Paragraph><Link href={`/scholen/${school.code}`}>Terug naar de school</Link></Paragraph>
      </Layout>,
    );
  });
}
