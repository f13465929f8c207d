import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Max } from 'class-validator';

/** No list is paged this deep; PostgreSQL would refuse an offset past bigint with a 500. */
export const MAX_PAGE_OFFSET = 1_000_000;

/**
 * Caps a list's `offset` query parameter (on top of its `@IsInt() @Min(0)`): a larger one is a
 * 400 naming the limit, and the OpenAPI document shows the maximum.
 */
export const MaxPageOffset = (): PropertyDecorator =>
  applyDecorators(
    Max(MAX_PAGE_OFFSET, { message: `offset must be at most ${MAX_PAGE_OFFSET.toLocaleString('en')}` }),
    ApiProperty({ maximum: MAX_PAGE_OFFSET }),
  );
