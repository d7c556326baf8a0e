/**
 * Error pages in plain Dutch (B1). The caller sets the HTTP status, e.g.
 * `c.html(<NotFoundPage {...layoutProps} />, 404)`. Each page passes the layout props through, so
 * the header still shows the user's menu and the demo banner.
 */
import type { JSX } from 'hono/jsx/jsx-runtime';
import { ButtonLink, Heading, Link, Paragraph } from './components.js';
import { Layout, type LayoutProps } from './layout.js';

/** Layout props without title and children: the error page sets those itself. */
export type ErrorPageProps = Omit<LayoutProps, 'title' | 'children' | 'hasErrors'>;

/**
 * 404: the address does not exist (or the user may not know that it exists).
 *
 * @param props - layout props, passed through
 * @returns the full page; send it with status 404
 */
export function NotFoundPage(props: ErrorPageProps): JSX.Element {
  return (
    <Layout {...props} title="Pagina niet gevonden">
      <Heading level={1}>Pagina niet gevonden</Heading>
      <Paragraph>Deze pagina bestaat niet, of niet meer.</Paragraph>
      <Paragraph>Heeft u het adres zelf getypt? Kijk dan of het goed is geschreven.</Paragraph>
      <Paragraph>
        <Link href="/">Ga naar de startpagina</Link>
      </Paragraph>
    </Layout>
  );
}

/**
 * 403: signed in, but this role or relation gives no access. When nobody is signed in the page
 * offers the login link instead.
 *
 * @param props - layout props, passed through
 * @returns the full page; send it with status 403
 */
export function ForbiddenPage(props: ErrorPageProps & { reden?: string }): JSX.Element {
  const { reden, ...layout } = props;
  return (
    <Layout {...layout} title="Geen toegang">
      <Heading level={1}>Geen toegang</Heading>
      {props.user ? (
        <>
          <Paragraph>{reden ?? 'U mag deze pagina niet bekijken met uw account.'}</Paragraph>
          <Paragraph>
            Denkt u dat u deze pagina wel nodig heeft voor uw werk? Vraag dan de beheerder van uw organisatie om
            toegang.
          </Paragraph>
          <Paragraph>
            <Link href="/">Ga naar de startpagina</Link>
          </Paragraph>
        </>
      ) : (
        <>
          <Paragraph>U moet eerst inloggen om deze pagina te bekijken.</Paragraph>
          <Paragraph>
            <ButtonLink href="/inloggen" appearance="primary">
              Inloggen
            </ButtonLink>
          </Paragraph>
        </>
      )}
    </Layout>
  );
}

/** Props for {@link ServerErrorPage}. */
export interface ServerErrorPageProps extends ErrorPageProps {
  /** Id of this error in the logs (e.g. the request id), so support can find it. */
  referenceId?: string;
}

/**
 * 500: something broke on our side. Never shows technical details, only a reference code.
 *
 * @param props - layout props plus the reference id
 * @returns the full page; send it with status 500
 */
export function ServerErrorPage(props: ServerErrorPageProps): JSX.Element {
  const { referenceId, ...layoutProps } = props;
  return (
    <Layout {...layoutProps} title="Er ging iets mis bij ons">
      <Heading level={1}>Er ging iets mis bij ons</Heading>
      <Paragraph>Dit ligt niet aan u. Probeer het over een paar minuten opnieuw.</Paragraph>
      <Paragraph>Was u iets aan het invullen? Kijk dan of het is opgeslagen. Misschien moet u het opnieuw doen.</Paragraph>
      {referenceId && (
        <Paragraph>
          Blijft het misgaan? Neem dan contact op met de beheerder en geef deze code door:{' '}
          <code class="utrecht-code">{referenceId}</code>
        </Paragraph>
      )}
      <Paragraph>
        <Link href="/">Ga naar de startpagina</Link>
      </Paragraph>
    </Layout>
  );
}

/** Props for {@link TooManyRequestsPage}. */
export interface TooManyRequestsPageProps extends ErrorPageProps {
  /** Same value as the Retry-After header; shown rounded up to whole minutes. */
  retryAfterSeconds?: number;
}

/**
 * 429: rate limit reached (e.g. too many login attempts).
 *
 * @param props - layout props plus the waiting time
 * @returns the full page; send it with status 429 and a Retry-After header
 */
export function TooManyRequestsPage(props: TooManyRequestsPageProps): JSX.Element {
  const { retryAfterSeconds, ...layoutProps } = props;
  const minutes =
    retryAfterSeconds !== undefined && Number.isFinite(retryAfterSeconds) && retryAfterSeconds > 0
      ? Math.ceil(retryAfterSeconds / 60)
      : undefined;
  return (
    <Layout {...layoutProps} title="Te veel pogingen">
      <Heading level={1}>Te veel pogingen</Heading>
      <Paragraph>U heeft het in korte tijd te vaak geprobeerd. Daarom moet u even wachten.</Paragraph>
      <Paragraph>
        {minutes === undefined
          ? 'Probeer het over een paar minuten opnieuw.'
          : `Probeer het over ${minutes} ${minutes === 1 ? 'minuut' : 'minuten'} opnieuw.`}
      </Paragraph>
    </Layout>
  );
}
