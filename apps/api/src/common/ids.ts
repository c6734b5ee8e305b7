/** Path ids are checked before they reach Temporal: a bad id is a 400, never a 5xx. */
import { Injectable, PipeTransform } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import { badRequest } from './api-error';

export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$/;

@Injectable()
export class ParseIdPipe implements PipeTransform<unknown, string> {
  constructor(private readonly field = 'id') {}
  transform(value: unknown): string {
    if (typeof value !== 'string' || !ID_PATTERN.test(value)) {
      throw badRequest([
        { field: this.field, message: 'must be 1-200 letters, digits, ".", "_", ":" or "-"' },
      ]);
    }
    return value;
  }
}

/** Documents the path ids (pattern and example) so clients and fuzzers send well-formed ones. */
export function ApiIdParam(name: string, example: string, description?: string) {
  return ApiParam({
    name,
    example,
    description,
    schema: { type: 'string', pattern: ID_PATTERN.source, maxLength: 200 },
  });
}
