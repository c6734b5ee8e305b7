import { registerDecorator, type ValidationOptions } from 'class-validator';

/** A flat object of scalar values (string, number, boolean, null) with sane keys: parameters and outputs. */
export function IsScalarRecord(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isScalarRecord',
      target: target.constructor,
      propertyName,
      options,
      validator: {
        validate(value: unknown) {
          if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
          const entries = Object.entries(value);
          if (entries.length > 100) return false;
          return entries.every(
            ([k, v]) =>
              /^[A-Za-z][A-Za-z0-9_-]{0,63}$/.test(k) &&
              (v === null ||
                typeof v === 'boolean' ||
                (typeof v === 'number' && Number.isFinite(v)) ||
                (typeof v === 'string' && v.length <= 4000)),
          );
        },
        defaultMessage: (args) =>
          `${args?.property} must be an object of at most 100 named values (text up to 4000 characters, finite numbers, booleans or null)`,
      },
    });
}
