import { translator, ENGLISH_MESSAGES, type MessageKey } from '../i18n/catalogue';
import type { Language } from '../i18n/languages';
import type { FieldError } from './app.exception';

/** The parts of an error body that are words: the rest (status, code, request id) stays as it is. */
interface ErrorWords {
  statusCode: number;
  message: string;
  code?: string;
  errors?: unknown;
  requestId?: string;
}

const isKey = (key: string): key is MessageKey => key in ENGLISH_MESSAGES;

/** A field as the web form labels it (`settings.maxPeers` → its label), else its property name. */
function label(t: ReturnType<typeof translator>, field: string): string {
  const path = field.replace(/^settings\./, '');
  const last = path.split('.').at(-1) ?? path;
  for (const name of [path, last]) if (isKey(`field.${name}`)) return t.t(`field.${name}` as MessageKey);
  return field;
}

const isFieldError = (e: unknown): e is FieldError =>
  typeof e === 'object' && e !== null && typeof (e as FieldError).field === 'string' && typeof (e as FieldError).message === 'string';

/**
 * An error's message and field messages in the reader's language. `code` stays English for
 * machines. English readers keep the sentence the code wrote (the most precise one), except where a
 * field error names its catalogue words (the settings name their fields as the forms do); other
 * languages read the catalogue: a field error's own words, else the constraint's or the code's;
 * the message is the field messages joined when every one has words, else the code's, else the
 * status's. Catalogue keys and values never leave the server.
 */
export function localiseError<B extends ErrorWords>(body: B, language: Language): B {
  const t = translator(language);
  const validation = body.code === 'validation_failed';
  const codeKey = body.code && isKey(`error.${body.code}`) ? (`error.${body.code}` as MessageKey) : undefined;
  const fieldErrors = Array.isArray(body.errors) ? body.errors : undefined;
  let allWorded = !!fieldErrors?.length;
  const errors = fieldErrors?.map((e: unknown) => {
    if (!isFieldError(e)) return e;
    const { key, values, ...rest } = e;
    if (!key) allWorded = false;
    const keep = language === 'en' && (!key || key.startsWith('validation.'));
    if (keep) return rest;
    // `other` names a second field ("must be at least minimum peers"): labelled as the field is.
    const other: Record<string, string> = typeof values?.other === 'string' ? { other: label(t, values.other) } : {};
    if (key) return { ...rest, message: t.t(key, { ...values, ...other, field: label(t, e.field) }) };
    // Words nobody gave: a validation rule of every route (control characters, depth); a domain
    // error's only field error is the code's own problem (a reporting loop, a taken address); a list
    // (an import's rows) keeps its sentences.
    if (validation) return { ...rest, message: t.t('validation.invalid', { field: label(t, e.field) }) };
    return codeKey && fieldErrors?.length === 1 ? { ...rest, message: t.t(codeKey) } : rest;
  });
  const out: B = fieldErrors ? { ...body, errors } : { ...body };
  if (language === 'en' && !(allWorded && !validation)) return out;
  if (allWorded && errors) {
    out.message = (errors as FieldError[]).map((e) => e.message).join('; ');
  } else if (codeKey) {
    out.message = t.t(codeKey, { requestId: body.requestId ?? '' });
  } else if (body.statusCode >= 500 && !body.code) {
    out.message = t.t('error.internal', { requestId: body.requestId ?? '' });
  } else if (isKey(`error.http.${body.statusCode}`)) {
    out.message = t.t(`error.http.${body.statusCode}` as MessageKey);
  }
  return out;
}
