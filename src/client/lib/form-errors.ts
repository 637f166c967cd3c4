// The one way a server's answer lands on a react-hook-form form: each field error on its field
// (the server's zod paths match the form's names because both use the shared schema), plus
// domain codes that belong to one field, and an error whose details name a field. The first
// field that took an error gets focus, as when the browser's own check finds one (the shopper
// reads the message where they type). Returns the message to show when no field took it.
import { type RefObject, useEffect } from 'react';
import type { FieldValues, Path, UseFormGetValues, UseFormSetError } from 'react-hook-form';
import { describeError, errorField } from '../trpc';

export function applyServerErrors<T extends FieldValues>(
  form: { setError: UseFormSetError<T>; getValues: UseFormGetValues<T> },
  err: unknown,
  codeFields: Record<string, Path<T>> = {},
): string | null {
  const info = describeError(err);
  const names = new Set(Object.keys(form.getValues() ?? {}));
  let placed = false;
  let first = true;
  for (const [key, messages] of Object.entries(info.fieldErrors)) {
    // "shippingPolicy.flatRateCents" lands on the nearest field the form has.
    const name = key in codeFields ? codeFields[key] : names.has(key) ? key : key.split('.')[0];
    if (!names.has(name)) continue;
    form.setError(
      name as Path<T>,
      { type: 'server', message: messages[0] ?? 'Please check this field.' },
      { shouldFocus: first },
    );
    placed = true;
    first = false;
  }
  const named = errorField(info);
  const codeField =
    (info.code ? codeFields[info.code] : undefined) ?? (named && names.has(named) ? (named as Path<T>) : undefined);
  if (codeField) {
    form.setError(codeField, { type: 'server', message: info.message }, { shouldFocus: !placed });
    placed = true;
  }
  return placed ? null : info.message;
}

/**
 * The same for a form kept in plain React state: once a failed answer is drawn (its messages set
 * aria-invalid on their fields through Field), focus goes to the first field marked invalid.
 */
export function useFocusFirstInvalid(form: RefObject<HTMLFormElement | null>, error: unknown): void {
  useEffect(() => {
    if (!error) return;
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [error, form]);
}
