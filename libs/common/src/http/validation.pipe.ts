import { ArgumentMetadata, BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import type { FieldError } from '../errors/app.exception';
import { ENGLISH_MESSAGES } from '../i18n/catalogue';
import type { ErrorMessageKey } from '../i18n/errors.en';
import { untrustedInputErrors } from './untrusted-input';

const BODY_REQUIRED = 'ripple:body-required';
const VALIDATED_BY = 'ripple:validated-by';

/** A hand-written check of a whole body: the problems by field, empty when the body is valid. */
type BodyCheck = (body: Record<string, unknown>) => FieldError[];

/**
 * On a body DTO: a request without a body is refused (400) instead of validating as `{}`. For
 * bodies where "nothing" would be destructive, e.g. a PUT that replaces a whole draft.
 */
export const BodyRequired = (): ClassDecorator => (target) => Reflect.defineMetadata(BODY_REQUIRED, true, target);

/**
 * On a body DTO that large bodies reach often (an autosave of every answer): `check` replaces
 * class-transformer and class-validator for it, which build an object and run every decorator per
 * nested entry. The check must refuse what the DTO's decorators refuse (unknown fields included),
 * with the same field paths; the DTO class stays for the OpenAPI document. The handler receives
 * the parsed JSON object itself.
 */
export const ValidatedBy =
  (check: BodyCheck): ClassDecorator =>
  (target) =>
    Reflect.defineMetadata(VALIDATED_BY, check, target);

/** class-validator's errors as field errors, each with its catalogue words (nested fields as `a.0.b`). */
export function validationFieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, message]) => ({ field, message, ...constraintWords(error, constraint) }));
    return [...own, ...validationFieldErrors(error.children ?? [], field)];
  });
}

/** Constraints whose catalogue message names a limit: the argument of the decorator it comes from. */
const CONSTRAINT_VALUES: Record<string, (args: unknown[]) => Record<string, string | number>> = {
  maxLength: ([max]) => ({ max: Number(max) }),
  minLength: ([min]) => ({ min: Number(min) }),
  max: ([max]) => ({ max: Number(max) }),
  min: ([min]) => ({ min: Number(min) }),
  arrayMaxSize: ([max]) => ({ max: Number(max) }),
  arrayMinSize: ([min]) => ({ min: Number(min) }),
  isIn: ([values]) => ({ values: Array.isArray(values) ? values.join(', ') : '' }),
  isEnum: ([entity]) => ({ values: typeof entity === 'object' && entity ? Object.values(entity).join(', ') : '' }),
};

/**
 * The catalogue key of a failed constraint (`validation.<name>`, else `validation.invalid`) and
 * its values, read from the decorator's metadata on the DTO class; the error filter writes the
 * message from them in the reader's language.
 */
function constraintWords(error: ValidationError, constraint: string): Pick<FieldError, 'key' | 'values'> {
  const key = `validation.${constraint}`;
  const known = key in ENGLISH_MESSAGES;
  const values = CONSTRAINT_VALUES[constraint];
  if (!known) return { key: 'validation.invalid' };
  if (!values) return { key: key as ErrorMessageKey };
  const target = (error.target as object | undefined)?.constructor;
  const metadata = target
    ? getMetadataStorage()
        .getTargetValidationMetadatas(target, '', true, false)
        .find((m) => m.propertyName === error.property && (m.name === constraint || m.type === constraint))
    : undefined;
  return metadata ? { key: key as ErrorMessageKey, values: values(metadata.constraints ?? []) } : { key: 'validation.invalid' };
}

/** The 400 of every validation failure: field-level errors plus one readable message. */
function validationFailed(fieldErrors: FieldError[]): BadRequestException {
  return new BadRequestException({
    message: fieldErrors.map((e) => (e.message.startsWith(e.field) ? e.message : `${e.field}: ${e.message}`)).join('; '),
    errors: fieldErrors,
    code: 'validation_failed',
  });
}

/**
 * Rejects unknown fields and wrong types with field-level messages (400). Before the DTO rules, for
 * every route at once: bodies must be JSON objects, and no body or query may carry a control
 * character (PostgreSQL refuses NUL in text) or nest absurdly deep (class-transformer recurses):
 * either would otherwise surface as a 500.
 */
class RippleValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && !metadata.data) this.assertBodyShape(value, metadata);
    // A string body is a raw upload (CSV): its handler reports problems by line and column.
    const rawUpload = metadata.type === 'body' && typeof value === 'string';
    if ((metadata.type === 'body' || metadata.type === 'query') && !rawUpload) {
      const errors = untrustedInputErrors(value, metadata.data ?? '');
      if (errors.length) throw validationFailed(errors);
    }
    const check =
      metadata.type === 'body' && !metadata.data && metadata.metatype
        ? (Reflect.getMetadata(VALIDATED_BY, metadata.metatype) as BodyCheck | undefined)
        : undefined;
    if (check) {
      // The shape (an object, or nothing where allowed) is settled by assertBodyShape above.
      const body = (value ?? {}) as Record<string, unknown>;
      const errors = check(body);
      if (errors.length) throw validationFailed(errors);
      return body;
    }
    return super.transform(value, metadata);
  }

  private assertBodyShape(value: unknown, metadata: ArgumentMetadata): void {
    const dto = this.toValidate(metadata) ? metadata.metatype : undefined;
    const objectExpected: FieldError = { field: 'body', message: 'body must be a JSON object', key: 'validation.isBody' };
    // JSON `null` is never a request: left to the DTO rules it would read as `{}`.
    if (value === null) throw validationFailed([objectExpected]);
    if (value === undefined && dto && Reflect.getMetadata(BODY_REQUIRED, dto))
      throw validationFailed([{ field: 'body', message: 'body is required', key: 'validation.required' }]);
    if (dto && value !== undefined && (typeof value !== 'object' || Array.isArray(value))) throw validationFailed([objectExpected]);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new RippleValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    // The target names the DTO class whose decorators hold a constraint's limit (constraintWords);
    // no value is kept, and neither ever leaves the server (only field and message do).
    validationError: { target: true, value: false },
    exceptionFactory: (errors) => validationFailed(validationFieldErrors(errors)),
  });
}
