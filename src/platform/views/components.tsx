/**
 * Thin hono/jsx components that emit NL Design System markup (Utrecht component CSS classes).
 *
 * Why our own components: `@utrecht/component-library-react` does not install from the registry
 * here (engineering-notes §0.6), and we render on the server only. The markup mirrors Utrecht's
 * React components (FormFieldTextbox, RadioGroup, Table, …), with the GOV.UK error patterns added.
 *
 * Safety: hono/jsx escapes every child and attribute value; nothing in this file uses `raw` or
 * `dangerouslySetInnerHTML`, so labels, values and messages may contain user input.
 *
 * Required fields use `aria-required` instead of the native `required` attribute (as Utrecht
 * does): our forms are `novalidate` so the server shows the messages, and the native attribute
 * would make Utrecht's `:invalid` styles mark empty fields red before anything was submitted.
 */
import type { Child } from 'hono/jsx';
// hono/jsx's own JSX namespace has no Element type; the runtime's namespace does.
import type { JSX } from 'hono/jsx/jsx-runtime';

type ClassPart = string | false | null | undefined;

/** Joins class names, skipping empty parts. */
function cx(...parts: ClassPart[]): string {
  return parts.filter(Boolean).join(' ');
}

/** Joins ids for aria-describedby; `undefined` when there are none, so no empty attribute is rendered. */
function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const list = ids.filter((id): id is string => Boolean(id));
  return list.length > 0 ? list.join(' ') : undefined;
}

/**
 * The element id for a form field name. Form handlers and the error summary use the same function,
 * so `#<id>` links in the summary always land on the field.
 *
 * @param name - the field's `name` attribute, e.g. `leerling.geboortedatum` or `adres[postcode]`
 * @returns a valid, stable id: characters other than letters, digits, `_` and `-` become `-`
 */
export function fieldId(name: string): string {
  const id = name.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '');
  // An id must not be empty and should not start with a digit (it would need escaping in CSS).
  return /^[A-Za-z]/.test(id) ? id : `veld-${id}`;
}

/**
 * Returns the href unless it uses a scheme other than http(s), mailto or tel. hono/jsx escapes
 * attribute values but does not stop `javascript:` URLs, and hrefs may contain stored data.
 *
 * @param href - a relative or absolute URL
 * @returns the href, or `#` when its scheme is not allowed
 */
export function safeHref(href: string): string {
  // Browsers ignore ASCII whitespace and control characters inside the scheme ("java\tscript:").
  const compact = href.replace(/[\u0000-\u0020\u007f]/g, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact)?.[1]?.toLowerCase();
  return scheme === undefined || ['http', 'https', 'mailto', 'tel'].includes(scheme) ? href : '#';
}

const hintIdFor = (id: string): string => `${id}-hint`;
const errorIdFor = (id: string): string => `${id}-fout`;

/**
 * The visible error text. "Fout: " is only for screen readers, so the message also makes sense when
 * it is read out through aria-describedby (GOV.UK pattern).
 */
function ErrorMessage(props: { id: string; text: string }): JSX.Element {
  return (
    <div class="utrecht-form-field-error-message utrecht-form-field__error-message" id={props.id}>
      <span class="passend-visually-hidden">Fout: </span>
      {props.text}
    </div>
  );
}

function Description(props: { id: string; children: Child }): JSX.Element {
  return (
    <div class="utrecht-form-field-description utrecht-form-field__description" id={props.id}>
      {props.children}
    </div>
  );
}

// -------------------------------------------------------------------------------------------
// Text
// -------------------------------------------------------------------------------------------

/** Props for {@link Heading}. */
export interface HeadingProps {
  /** Heading level. Each page has exactly one level 1 heading, set by the page itself. */
  level: 1 | 2 | 3 | 4;
  /** Visual size when it must differ from the level (e.g. a small h2 in an alert). Default: the level. */
  appearance?: 1 | 2 | 3 | 4;
  children?: Child;
  id?: string;
  class?: string;
}

/**
 * A heading (`h1`–`h4`) with the Utrecht heading style of the same level.
 *
 * @param props - {@link HeadingProps}
 * @returns the heading element
 */
export function Heading(props: HeadingProps): JSX.Element {
  const className = cx(`utrecht-heading-${props.appearance ?? props.level}`, props.class);
  switch (props.level) {
    case 1:
      return <h1 class={className} id={props.id}>{props.children}</h1>;
    case 2:
      return <h2 class={className} id={props.id}>{props.children}</h2>;
    case 3:
      return <h3 class={className} id={props.id}>{props.children}</h3>;
    case 4:
      return <h4 class={className} id={props.id}>{props.children}</h4>;
  }
}

/**
 * A paragraph of body text.
 *
 * @param props.lead - larger introduction text, for the first paragraph under the h1
 * @returns a `p.utrecht-paragraph`
 */
export function Paragraph(props: { children?: Child; lead?: boolean; class?: string }): JSX.Element {
  return (
    <p class={cx('utrecht-paragraph', props.lead && 'utrecht-paragraph--lead', props.class)}>{props.children}</p>
  );
}

/** Free text as paragraphs (a blank line starts a new one): what people type in a textarea, read back as they wrote it. */
export function Alineas(props: { tekst: string }): JSX.Element {
  const delen = props.tekst.split(/\n\s*\n/).map((d) => d.trim()).filter(Boolean);
  return <>{delen.map((d) => <Paragraph>{d}</Paragraph>)}</>;
}

/** Props for {@link Link}. */
export interface LinkProps {
  href: string;
  children?: Child;
  /** A link to another website: adds `rel="external noopener noreferrer"`. It still opens in the same tab. */
  external?: boolean;
  /** Marks the link to the page the user is on (`aria-current="page"`). */
  current?: boolean;
  class?: string;
}

/**
 * A text link.
 *
 * @param props - {@link LinkProps}
 * @returns an `a.utrecht-link`
 */
export function Link(props: LinkProps): JSX.Element {
  return (
    <a
      class={cx('utrecht-link', 'utrecht-link--html-a', props.external && 'utrecht-link--external', props.class)}
      href={safeHref(props.href)}
      rel={props.external ? 'external noopener noreferrer' : undefined}
      aria-current={props.current ? 'page' : undefined}
    >
      {props.children}
    </a>
  );
}

// -------------------------------------------------------------------------------------------
// Buttons
// -------------------------------------------------------------------------------------------

/** How prominent a button is: one primary action per form, the rest secondary or subtle. */
export type ButtonAppearance = 'primary' | 'secondary' | 'subtle';

const BUTTON_APPEARANCE: Record<ButtonAppearance, string> = {
  primary: 'primary-action',
  secondary: 'secondary-action',
  subtle: 'subtle',
};

/** Props for {@link Button}. */
export interface ButtonProps {
  children?: Child;
  /** Default `primary`. */
  appearance?: ButtonAppearance;
  /** Default `submit`: without JavaScript, a `type="button"` button does nothing. */
  type?: 'submit' | 'button' | 'reset';
  /** Sent with the form, e.g. to tell "Opslaan" from "Verwijderen" in one form. */
  name?: string;
  value?: string;
  disabled?: boolean;
  /** Submit a form elsewhere on the page by its id. */
  form?: string;
  class?: string;
}

/**
 * A button. Use {@link ButtonLink} for navigation that only needs to look like a button.
 *
 * @param props - {@link ButtonProps}
 * @returns a `button.utrecht-button`
 */
export function Button(props: ButtonProps): JSX.Element {
  const type = props.type ?? 'submit';
  return (
    <button
      type={type}
      class={cx(
        'utrecht-button',
        `utrecht-button--${BUTTON_APPEARANCE[props.appearance ?? 'primary']}`,
        type === 'submit' && 'utrecht-button--submit',
        props.disabled && 'utrecht-button--disabled',
        props.class,
      )}
      name={props.name}
      value={props.value}
      disabled={props.disabled}
      form={props.form}
    >
      {props.children}
    </button>
  );
}

/**
 * A link that looks like a button (e.g. "Nieuwe aanmelding" on an overview page).
 *
 * @param props.appearance - default `secondary`
 * @returns an `a.utrecht-button-link`
 */
export function ButtonLink(props: {
  href: string;
  children?: Child;
  appearance?: ButtonAppearance;
  class?: string;
}): JSX.Element {
  return (
    <a
      href={safeHref(props.href)}
      class={cx(
        'utrecht-button-link',
        'utrecht-button-link--html-a',
        `utrecht-button-link--${BUTTON_APPEARANCE[props.appearance ?? 'secondary']}`,
        props.class,
      )}
    >
      {props.children}
    </a>
  );
}

/**
 * Puts buttons and button links next to each other, wrapping on small screens.
 *
 * @returns a `div.utrecht-button-group`
 */
export function ButtonGroup(props: { children?: Child }): JSX.Element {
  return <div class="utrecht-button-group">{props.children}</div>;
}

// -------------------------------------------------------------------------------------------
// Alerts
// -------------------------------------------------------------------------------------------

/** Kind of message; the colour and the default ARIA role follow from it. */
export type AlertType = 'info' | 'ok' | 'warning' | 'error';

/** Props for {@link Alert}. */
export interface AlertProps {
  type?: AlertType;
  /**
   * `status` is read out politely, `alert` interrupts. Default: `status` for info/ok,
   * `alert` for warning/error (as in Utrecht's Alert).
   */
  role?: 'status' | 'alert';
  /** Optional short title, shown bold above the text. */
  heading?: Child;
  headingLevel?: 2 | 3 | 4;
  children?: Child;
  class?: string;
}

/**
 * A message box (confirmation, information, warning or error).
 *
 * @param props - {@link AlertProps}
 * @returns a `div.utrecht-alert`
 */
export function Alert(props: AlertProps): JSX.Element {
  const type = props.type ?? 'info';
  const role = props.role ?? (type === 'info' || type === 'ok' ? 'status' : 'alert');
  return (
    <div class={cx('utrecht-alert', `utrecht-alert--${type}`, props.class)}>
      <div class="utrecht-alert__content">
        <div class="utrecht-alert__message" role={role}>
          {props.heading !== undefined && (
            <Heading level={props.headingLevel ?? 2} appearance={4}>
              {props.heading}
            </Heading>
          )}
          {props.children}
        </div>
      </div>
    </div>
  );
}

// -------------------------------------------------------------------------------------------
// Form fields
// -------------------------------------------------------------------------------------------

/** Props shared by all single form fields. */
interface FieldBaseProps {
  /** The `name` attribute; the element id is derived from it with {@link fieldId}. */
  name: string;
  label: Child;
  /** Hint under the label, e.g. the expected format. Linked with aria-describedby. */
  description?: Child;
  /** Error message from the server. Marks the field invalid and is linked with aria-describedby. */
  error?: string;
  /** Announces the field as required (aria-required); the server does the actual check. */
  required?: boolean;
  disabled?: boolean;
  /** Override the derived id, e.g. when the same name appears twice on one page. */
  id?: string;
}

/** What a field's control needs from its shell: its id and the ARIA wiring to label, hint and error. */
interface ControlWiring {
  id: string;
  invalid: boolean;
  aria: { 'aria-required'?: 'true'; 'aria-invalid'?: 'true'; 'aria-describedby'?: string };
}

/**
 * The Utrecht form-field structure shared by text inputs, textareas and selects: label, description, error,
 * then the control, with ids derived from the field name and `aria-describedby` joining hint and error.
 */
function FieldShell(props: FieldBaseProps & { control: (w: ControlWiring) => JSX.Element }): JSX.Element {
  const id = props.id ?? fieldId(props.name);
  const hintId = props.description !== undefined ? hintIdFor(id) : undefined;
  const errorId = props.error ? errorIdFor(id) : undefined;
  const invalid = Boolean(props.error);
  const aria = {
    'aria-required': props.required ? ('true' as const) : undefined,
    'aria-invalid': invalid ? ('true' as const) : undefined,
    'aria-describedby': describedBy(hintId, errorId),
  };
  return (
    <div class={cx('utrecht-form-field', 'utrecht-form-field--text', invalid && 'utrecht-form-field--invalid', 'passend-form-field')}>
      <div class="utrecht-form-field__label">
        <label class="utrecht-form-label" for={id}>
          {props.label}
        </label>
      </div>
      {hintId && <Description id={hintId}>{props.description}</Description>}
      {errorId && <ErrorMessage id={errorId} text={props.error!} />}
      <div class="utrecht-form-field__input">{props.control({ id, invalid, aria })}</div>
    </div>
  );
}

/** Input types that {@link FormField} renders as a Utrecht textbox. */
export type TextboxType = 'text' | 'email' | 'password' | 'date' | 'number' | 'tel' | 'url' | 'search';

/** Props for {@link FormField}. */
export interface FormFieldProps extends FieldBaseProps {
  /** Default `text`. For numbers such as a BRIN or BSN prefer `text` with `inputmode="numeric"`. */
  type?: TextboxType;
  /** What the user typed, so a re-rendered form keeps it. Ignored for passwords. */
  value?: string | number | null;
  autocomplete?: string;
  inputmode?: 'none' | 'text' | 'tel' | 'url' | 'email' | 'numeric' | 'decimal' | 'search';
  min?: string | number;
  max?: string | number;
  step?: string | number;
  minlength?: number;
  maxlength?: number;
  /** Turn spell checking off for codes, names and e-mail addresses. */
  spellcheck?: boolean;
  readonly?: boolean;
}

/**
 * A labelled text input with optional description and error message, following Utrecht's
 * FormFieldTextbox: label, description, error, input; `aria-describedby` joins description and
 * error; `aria-invalid="true"` only when there is an error.
 *
 * @param props - {@link FormFieldProps}
 * @returns a `div.utrecht-form-field`
 */
export function FormField(props: FormFieldProps): JSX.Element {
  const type = props.type ?? 'text';
  // Never send a password back to the browser, not even the user's own input.
  const value = type === 'password' || props.value === null || props.value === undefined ? undefined : String(props.value);
  return (
    <FieldShell
      {...props}
      control={({ id, invalid, aria }) => (
        <input
          class={cx(
            'utrecht-textbox',
            'utrecht-textbox--html-input',
            invalid && 'utrecht-textbox--invalid',
            props.required && 'utrecht-textbox--required',
            props.readonly && 'utrecht-textbox--readonly',
            props.disabled && 'utrecht-textbox--disabled',
          )}
          type={type}
          id={id}
          name={props.name}
          value={value}
          dir="auto"
          autocomplete={props.autocomplete}
          inputmode={props.inputmode ?? (type === 'number' ? 'numeric' : undefined)}
          min={props.min}
          max={props.max}
          step={props.step}
          minlength={props.minlength}
          maxlength={props.maxlength}
          spellcheck={props.spellcheck}
          readonly={props.readonly}
          disabled={props.disabled}
          {...aria}
        />
      )}
    />
  );
}

/** Props for {@link TextareaField}. */
export interface TextareaFieldProps extends FieldBaseProps {
  value?: string | null;
  /** Visible lines; default 5. */
  rows?: number;
  maxlength?: number;
  autocomplete?: string;
}

/**
 * A labelled multi-line text field, same structure as {@link FormField}.
 *
 * @param props - {@link TextareaFieldProps}
 * @returns a `div.utrecht-form-field` with a `textarea.utrecht-textarea`
 */
export function TextareaField(props: TextareaFieldProps): JSX.Element {
  return (
    <FieldShell
      {...props}
      control={({ id, invalid, aria }) => (
        <textarea
          class={cx(
            'utrecht-textarea',
            'utrecht-textarea--html-textarea',
            invalid && 'utrecht-textarea--invalid',
            props.required && 'utrecht-textarea--required',
            props.disabled && 'utrecht-textarea--disabled',
          )}
          id={id}
          name={props.name}
          rows={props.rows ?? 5}
          dir="auto"
          maxlength={props.maxlength}
          autocomplete={props.autocomplete}
          disabled={props.disabled}
          {...aria}
        >
          {props.value ?? ''}
        </textarea>
      )}
    />
  );
}

/** One choice in a {@link SelectField} or {@link RadioGroup}. */
export interface Choice {
  value: string;
  label: string;
  disabled?: boolean;
}

/** Props for {@link SelectField}. */
export interface SelectFieldProps extends FieldBaseProps {
  options: Choice[];
  /** The selected value. */
  value?: string | null;
  /**
   * Text of an empty first option (value ""), e.g. "Kies een school". Leave out when a choice is
   * always preselected.
   */
  emptyOption?: string;
  autocomplete?: string;
}

/**
 * A labelled native `<select>` (works without JavaScript, unlike a combobox).
 *
 * @param props - {@link SelectFieldProps}
 * @returns a `div.utrecht-form-field` with a `select.utrecht-select`
 */
export function SelectField(props: SelectFieldProps): JSX.Element {
  const selected = props.value ?? '';
  return (
    <FieldShell
      {...props}
      control={({ id, invalid, aria }) => (
        <select
          class={cx(
            'utrecht-select',
            'utrecht-select--html-select',
            invalid && 'utrecht-select--invalid',
            props.required && 'utrecht-select--required',
            props.disabled && 'utrecht-select--disabled',
          )}
          id={id}
          name={props.name}
          autocomplete={props.autocomplete}
          disabled={props.disabled}
          {...aria}
        >
          {props.emptyOption !== undefined && (
            <option class="utrecht-select__option" value="" selected={selected === ''}>
              {props.emptyOption}
            </option>
          )}
          {props.options.map((option) => (
            <option
              class="utrecht-select__option"
              value={option.value}
              selected={option.value === selected}
              disabled={option.disabled}
            >
              {option.label}
            </option>
          ))}
        </select>
      )}
    />
  );
}

/** Props for {@link CheckboxField}. */
export interface CheckboxFieldProps extends FieldBaseProps {
  checked?: boolean;
  /** Sent when checked; default `ja`. An unchecked box sends nothing: treat a missing field as "no". */
  value?: string;
}

/**
 * A single checkbox with its label next to it (Utrecht FormFieldCheckbox). Uses the native
 * checkbox style: Utrecht's custom checkbox draws its tick with a `data:` image, which a strict
 * CSP (`img-src 'self'`) blocks.
 *
 * @param props - {@link CheckboxFieldProps}
 * @returns a `div.utrecht-form-field--checkbox`
 */
export function CheckboxField(props: CheckboxFieldProps): JSX.Element {
  const id = props.id ?? fieldId(props.name);
  const hintId = props.description !== undefined ? hintIdFor(id) : undefined;
  const errorId = props.error ? errorIdFor(id) : undefined;
  const invalid = Boolean(props.error);
  return (
    <div class={cx('utrecht-form-field', 'utrecht-form-field--checkbox', invalid && 'utrecht-form-field--invalid', 'passend-form-field')}>
      <div class="utrecht-form-field__label utrecht-form-field__label--checkbox">
        <label class="utrecht-form-label utrecht-form-label--checkbox" for={id}>
          <input
            type="checkbox"
            class={cx(
              'utrecht-checkbox',
              'utrecht-checkbox--html-input',
              'utrecht-form-field__input',
              invalid && 'utrecht-checkbox--invalid',
              props.disabled && 'utrecht-checkbox--disabled',
            )}
            id={id}
            name={props.name}
            value={props.value ?? 'ja'}
            checked={props.checked}
            disabled={props.disabled}
            aria-required={props.required ? 'true' : undefined}
            aria-invalid={invalid ? 'true' : undefined}
            aria-describedby={describedBy(hintId, errorId)}
          />{' '}
          {props.label}
        </label>
      </div>
      {hintId && <Description id={hintId}>{props.description}</Description>}
      {errorId && <ErrorMessage id={errorId} text={props.error!} />}
    </div>
  );
}

/** One option in a {@link RadioGroup}; may have its own hint. */
export interface RadioChoice extends Choice {
  description?: Child;
}

/** Props for {@link RadioGroup}. */
export interface RadioGroupProps {
  name: string;
  /** The question, shown as the fieldset legend. */
  legend: Child;
  options: RadioChoice[];
  /** The selected value. */
  value?: string | null;
  description?: Child;
  error?: string;
  disabled?: boolean;
  /** Override the id of the first radio (default {@link fieldId}(name)); the error summary links to it. */
  id?: string;
}

/**
 * A group of radio buttons in a fieldset with legend. The first radio gets the field id, so an
 * error summary link `#<name>` moves focus into the group (GOV.UK pattern). Description and error
 * are linked to the fieldset with aria-describedby.
 *
 * Note: no `required` option: `aria-required` is not allowed on a radio, and the error message
 * says what is missing.
 *
 * @param props - {@link RadioGroupProps}
 * @returns a `div.utrecht-form-fieldset` with a `fieldset`
 */
export function RadioGroup(props: RadioGroupProps): JSX.Element {
  const id = props.id ?? fieldId(props.name);
  const hintId = props.description !== undefined ? hintIdFor(id) : undefined;
  const errorId = props.error ? errorIdFor(id) : undefined;
  const invalid = Boolean(props.error);
  const selected = props.value ?? undefined;
  return (
    <div class={cx('utrecht-form-fieldset', 'utrecht-radio-group', invalid && 'utrecht-form-fieldset--invalid', 'passend-radio-group', 'passend-form-field')}>
      <fieldset
        class="utrecht-form-fieldset__fieldset utrecht-form-fieldset--html-fieldset"
        aria-describedby={describedBy(hintId, errorId)}
        disabled={props.disabled}
      >
        <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{props.legend}</legend>
        {hintId && <Description id={hintId}>{props.description}</Description>}
        {errorId && <ErrorMessage id={errorId} text={props.error!} />}
        {props.options.map((option, index) => {
          const optionId = index === 0 ? id : `${id}-${index + 1}`;
          const optionHintId = option.description !== undefined ? hintIdFor(optionId) : undefined;
          return (
            <div class="utrecht-form-field utrecht-form-field--radio">
              <div class="utrecht-form-field__label utrecht-form-field__label--radio">
                <label class="utrecht-form-label utrecht-form-label--radio" for={optionId}>
                  <input
                    type="radio"
                    class={cx(
                      'utrecht-radio-button',
                      'utrecht-radio-button--html-input',
                      'utrecht-form-field__input',
                      invalid && 'utrecht-radio-button--invalid',
                      option.disabled && 'utrecht-radio-button--disabled',
                    )}
                    id={optionId}
                    name={props.name}
                    value={option.value}
                    checked={option.value === selected}
                    disabled={option.disabled}
                    aria-describedby={optionHintId}
                  />{' '}
                  {option.label}
                </label>
              </div>
              {optionHintId && <Description id={optionHintId}>{option.description}</Description>}
            </div>
          );
        })}
      </fieldset>
    </div>
  );
}

/**
 * A group of checkboxes in a fieldset with legend (the checkbox twin of {@link RadioGroup}). The first
 * box gets the field id, so an error summary link `#<name>` moves focus into the group; hint and error are tied to
 * the fieldset with aria-describedby.
 */
export function CheckboxGroup(props: {
  name: string;
  legend: Child;
  description?: Child;
  error?: string;
  options: { value: string; label: string; description?: string }[];
  checked: readonly string[];
}): JSX.Element {
  const id = fieldId(props.name);
  const hintId = props.description !== undefined ? `${id}-hint` : undefined;
  const errorId = props.error ? `${id}-fout` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const invalid = Boolean(props.error);
  return (
    <div class={`utrecht-form-fieldset passend-radio-group passend-form-field${invalid ? ' utrecht-form-fieldset--invalid' : ''}`}>
      <fieldset class="utrecht-form-fieldset__fieldset utrecht-form-fieldset--html-fieldset" aria-describedby={describedBy}>
        <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{props.legend}</legend>
        {hintId && <div class="utrecht-form-field-description utrecht-form-field__description" id={hintId}>{props.description}</div>}
        {errorId && (
          <div class="utrecht-form-field-error-message utrecht-form-field__error-message" id={errorId}>
            <span class="passend-visually-hidden">Fout: </span>
            {props.error}
          </div>
        )}
        {props.options.map((o, i) => {
          const optionId = i === 0 ? id : fieldId(`${props.name}-${o.value}`);
          const optionHint = o.description ? `${optionId}-hint` : undefined;
          return (
            <div class="utrecht-form-field utrecht-form-field--checkbox">
              <div class="utrecht-form-field__label utrecht-form-field__label--checkbox">
                <label class="utrecht-form-label utrecht-form-label--checkbox" for={optionId}>
                  <input
                    type="checkbox"
                    class={`utrecht-checkbox utrecht-checkbox--html-input utrecht-form-field__input${invalid ? ' utrecht-checkbox--invalid' : ''}`}
                    id={optionId}
                    name={props.name}
                    value={o.value}
                    checked={props.checked.includes(o.value)}
                    aria-describedby={optionHint}
                  />{' '}
                  {o.label}
                </label>
              </div>
              {optionHint && <div class="utrecht-form-field-description utrecht-form-field__description" id={optionHint}>{o.description}</div>}
            </div>
          );
        })}
      </fieldset>
    </div>
  );
}

/** Props for {@link ErrorSummary}. */
export interface ErrorSummaryProps {
  /** Field name → message, in the order of the fields on the page. Empty: nothing is rendered. */
  errors: Record<string, string>;
  /** Default "Er ging iets mis". */
  title?: string;
  headingLevel?: 2 | 3;
  /**
   * Move focus to the summary when the page loads (via `autofocus`, so no JavaScript is needed).
   * Default true; switch off when the summary is not the main message (e.g. in the style guide).
   */
  focusOnLoad?: boolean;
}

/**
 * The list of problems at the top of a re-rendered form (GOV.UK error summary): `role="alert"`,
 * a heading, and one link per field to `#<fieldId(name)>`. Use together with status 422 and
 * `hasErrors` on the layout (which prefixes the title with "Fout: ").
 *
 * @param props - {@link ErrorSummaryProps}
 * @returns the summary, or nothing when there are no errors
 */
export function ErrorSummary(props: ErrorSummaryProps): JSX.Element | null {
  const entries = Object.entries(props.errors);
  if (entries.length === 0) return null;
  const focus = props.focusOnLoad ?? true;
  return (
    <div
      class="utrecht-alert utrecht-alert--error passend-error-summary"
      tabindex={-1}
      autofocus={focus || undefined}
    >
      <div class="utrecht-alert__content">
        <div class="utrecht-alert__message" role="alert">
          <Heading level={props.headingLevel ?? 2} appearance={3}>
            {props.title ?? 'Er ging iets mis'}
          </Heading>
          <ul class="utrecht-unordered-list utrecht-unordered-list--html-content">
            {entries.map(([name, message]) => (
              <li class="utrecht-unordered-list__item">
                <a class="utrecht-link utrecht-link--html-a" href={`#${fieldId(name)}`}>
                  {message}
                </a>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}

/**
 * Above a page whose save was refused because someone else saved first (or the state changed): what happened, and
 * that the page below shows what is saved now while the form keeps what the user typed. Nothing for other statuses.
 */
export function ConflictMelding(props: { status: number; melding?: string }): JSX.Element | null {
  if (props.status !== 409) return null;
  return (
    <Alert type="warning" heading="Niet opgeslagen">
      <Paragraph>{props.melding ?? 'Iemand anders heeft dit intussen gewijzigd.'} Hieronder staat wat nu is opgeslagen. Kijk het na en probeer het zo nodig opnieuw.</Paragraph>
    </Alert>
  );
}

// -------------------------------------------------------------------------------------------
// Form
// -------------------------------------------------------------------------------------------

/** Props for {@link Form}. A POST form must carry the CSRF token; a GET (search) form has none. */
export type FormProps = {
  action: string;
  children?: Child;
  id?: string;
  /** Only for forms with a file upload. */
  enctype?: 'multipart/form-data';
  /** Gives the form a name (and makes it a landmark); use when a page has several forms. */
  'aria-label'?: string;
  class?: string;
} & ({ method?: 'post'; csrfToken: string } | { method: 'get'; csrfToken?: undefined });

/**
 * A form with `novalidate`, so the server's Dutch messages are shown instead of the browser's,
 * and (for POST) the hidden `_csrf` input.
 *
 * @param props - {@link FormProps}
 * @returns a `form.utrecht-form`
 */
export function Form(props: FormProps): JSX.Element {
  const method = props.method ?? 'post';
  return (
    <form
      class={cx('utrecht-form', 'passend-form', props.class)}
      method={method}
      action={props.action}
      enctype={props.enctype}
      id={props.id}
      aria-label={props['aria-label']}
      novalidate
    >
      {method === 'post' && <input type="hidden" name="_csrf" value={props.csrfToken ?? ''} />}
      {props.children}
    </form>
  );
}

// -------------------------------------------------------------------------------------------
// Data display
// -------------------------------------------------------------------------------------------

/** A table column header; `numeric` right-aligns the column (amounts, counts). */
export interface TableHeader {
  label: Child;
  numeric?: boolean;
}

/** Props for {@link Table}. */
export interface TableProps {
  /** What the table shows. Required: it names the table and its scroll region for screen readers. */
  caption: string;
  /**
   * The caption is read by screen readers but not shown: use it when a visible heading right above the table
   * already says the same, so sighted users do not read it twice.
   */
  hideCaption?: boolean;
  headers: (string | TableHeader)[];
  /** One array of cells per row, in the order of `headers`. */
  rows: Child[][];
  /** The first cell of each row is a row header (`th scope="row"`), e.g. the pupil's name. */
  rowHeaders?: boolean;
  /** Shown in a single row when there are no rows; default "Er zijn geen gegevens." */
  empty?: Child;
  class?: string;
}

/**
 * A data table inside a scroll container, so a wide table scrolls on its own at 320px while the
 * page does not (WCAG 1.4.10). The container is focusable (`tabindex="0"`) so keyboard users can
 * scroll it, and is a named region, which is what axe's `scrollable-region-focusable` rule and
 * screen readers need.
 *
 * @param props - {@link TableProps}
 * @returns the scroll container with the table
 */
export function Table(props: TableProps): JSX.Element {
  const headers: TableHeader[] = props.headers.map((h) => (typeof h === 'string' ? { label: h } : h));
  const numeric = (index: number): boolean => headers[index]?.numeric === true;
  return (
    <div class="utrecht-table-container passend-table-scroll" role="region" aria-label={props.caption} tabindex={0}>
      <table class={cx('utrecht-table', 'utrecht-table--html-table', 'passend-table', props.class)}>
        <caption class={cx('utrecht-table__caption', props.hideCaption && 'passend-visually-hidden')}>{props.caption}</caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            {headers.map((header, index) => (
              <th
                scope="col"
                class={cx(
                  'utrecht-table__header-cell',
                  header.numeric && 'utrecht-table__header-cell--numeric-column passend-table__cell--numeric',
                  index === 0 && 'utrecht-table__cell--first',
                )}
              >
                {header.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          {props.rows.length === 0 ? (
            <tr class="utrecht-table__row">
              <td class="utrecht-table__cell" colspan={headers.length}>
                {props.empty ?? 'Er zijn geen gegevens.'}
              </td>
            </tr>
          ) : (
            props.rows.map((row) => (
              <tr class="utrecht-table__row">
                {row.map((cell, index) => {
                  const className = cx(
                    'utrecht-table__cell',
                    numeric(index) && 'utrecht-table__cell--numeric-data passend-table__cell--numeric',
                  );
                  return props.rowHeaders && index === 0 ? (
                    <th scope="row" class={cx(className, 'utrecht-table__header-cell')}>
                      {cell}
                    </th>
                  ) : (
                    <td class={className}>{cell}</td>
                  );
                })}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}

/** One key/value pair for {@link DataList}. */
export interface DataListItem {
  key: Child;
  /** Empty (null, undefined or "") is shown as "Niet ingevuld". */
  value: Child;
}

/**
 * Key/value pairs (e.g. the details of one pupil) as a description list.
 *
 * @param props.items - the pairs, in display order
 * @param props.rows - show each pair on its own row with a divider (`utrecht-data-list--rows`)
 * @returns a `dl.utrecht-data-list`
 */
export function DataList(props: { items: DataListItem[]; rows?: boolean; class?: string }): JSX.Element {
  return (
    <dl class={cx('utrecht-data-list', 'utrecht-data-list--html-dl', props.rows && 'utrecht-data-list--rows', 'passend-data-list', props.class)}>
      {props.items.map((item) => {
        const empty = item.value === null || item.value === undefined || item.value === '';
        return (
          <div class="utrecht-data-list__item">
            <dt class="utrecht-data-list__item-key">{item.key}</dt>
            <dd class="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">
              {empty ? 'Niet ingevuld' : item.value}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

/** Props for {@link Paginering}. */
export interface PagineringProps {
  pagina: number;
  paginas: number;
  /** The address of page `p` (keeps the list's filters). */
  href: (p: number) => string;
}

/**
 * "Pagina 2 van 5" with previous/next links, for long lists (plain links: works without JavaScript). Renders
 * nothing for a single page.
 */
export function Paginering(props: PagineringProps): JSX.Element | null {
  if (props.paginas <= 1) return null;
  return (
    <nav aria-label="Paginering" class="passend-pagination">
      <Paragraph>
        Pagina {props.pagina} van {props.paginas}.{' '}
        {props.pagina > 1 && <Link href={props.href(props.pagina - 1)}>Vorige pagina</Link>}{' '}
        {props.pagina < props.paginas && <Link href={props.href(props.pagina + 1)}>Volgende pagina</Link>}
      </Paragraph>
    </nav>
  );
}
