import { BadRequestException, Injectable, PipeTransform } from '@nestjs/common';
import type { FieldError } from '../errors/app.exception';

/**
 * For a route that takes no query parameters: any parameter is refused (400, naming it), as the
 * global validation pipe refuses unknown fields of a DTO. An empty query DTO cannot do this: with
 * no rules to check, class-validator refuses every request, even one without a query.
 * `reasons` gives a clearer message for parameters the route used to take.
 */
@Injectable()
export class NoQueryPipe implements PipeTransform<unknown, Record<string, never>> {
  private readonly reasons: ReadonlyMap<string, string>;

  constructor(reasons: Readonly<Record<string, string>> = {}) {
    // A map, so that a parameter named like an Object property (`constructor`) finds no reason.
    this.reasons = new Map(Object.entries(reasons));
  }

  transform(query: unknown): Record<string, never> {
    const fields = query && typeof query === 'object' ? Object.keys(query) : [];
    if (fields.length === 0) return {};
    const errors: FieldError[] = fields.map((field) => ({ field, message: this.reasons.get(field) ?? `property ${field} should not exist` }));
    throw new BadRequestException({ message: errors.map((e) => e.message).join('; '), errors, code: 'validation_failed' });
  }
}
