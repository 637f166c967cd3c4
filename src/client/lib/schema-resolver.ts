// react-hook-form resolver for forms whose fields are not the API's shape (dollars typed as text,
// comma-separated tags): the form's values are converted to the procedure's input and checked
// with the SAME shared zod schema the server uses; each issue lands on the field it came from.
import type { FieldErrors, FieldValues, Resolver } from 'react-hook-form';
import type { z } from 'zod';

export function schemaResolver<TForm extends FieldValues, TSchema extends z.ZodType>(
  schema: TSchema,
  toInput: (values: TForm) => unknown,
  opts: {
    /** Input key or dotted path → form field, where they differ (priceCents → price). */
    fieldOf?: Record<string, keyof TForm & string>;
    /** Friendlier words for a field's error than the schema's generic one. */
    messages?: Partial<Record<keyof TForm & string, string>>;
  } = {},
): Resolver<TForm, unknown, z.output<TSchema>> {
  return async (values) => {
    const parsed = await schema.safeParseAsync(toInput(values));
    if (parsed.success) return { values: parsed.data, errors: {} };
    const errors: Record<string, { type: string; message: string }> = {};
    for (const issue of parsed.error.issues) {
      const key = issue.path.map(String).join('.');
      const top = String(issue.path[0] ?? '');
      const field = opts.fieldOf?.[key] ?? opts.fieldOf?.[top] ?? top;
      if (!(field in values) || errors[field]) continue;
      errors[field] = { type: issue.code, message: opts.messages?.[field as keyof TForm & string] ?? issue.message };
    }
    return { values: {}, errors: errors as FieldErrors<TForm> };
  };
}
