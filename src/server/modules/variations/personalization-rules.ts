// The buyer's personalisation checked against the listing (decision 0081). hold_cart_line checks it
// in SQL when a line is added; editing a line's text in the cart checks it here with the same rule
// (characters counted as code points, like char_length) and both answer with these errors.
import { DomainError } from '../../../shared/errors';

export type PersonalizationRefusal =
  | 'personalization_not_offered'
  | 'personalization_required'
  | 'personalization_too_long';

export interface PersonalizationSpec {
  /** Null: the listing takes no personalisation. */
  prompt: string | null;
  maxChars: number | null;
  required: boolean;
}

/** Why `text` (already normalised by the shared text primitive) is refused, or null when it fits. */
export function personalizationRefusal(spec: PersonalizationSpec, text: string): PersonalizationRefusal | null {
  if (spec.prompt === null) return text === '' ? null : 'personalization_not_offered';
  if (spec.required && text === '') return 'personalization_required';
  if (spec.maxChars !== null && [...text].length > spec.maxChars) return 'personalization_too_long';
  return null;
}

export function personalizationError(refusal: PersonalizationRefusal): DomainError {
  switch (refusal) {
    case 'personalization_not_offered':
      return new DomainError('BAD_REQUEST', 'This listing does not take personalisation.', {
        field: 'personalization',
      });
    case 'personalization_required':
      return new DomainError('BAD_REQUEST', 'Add your personalisation: this listing needs it.', {
        field: 'personalization',
        reason: 'required',
      });
    case 'personalization_too_long':
      return new DomainError('BAD_REQUEST', 'Your personalisation is longer than the seller allows.', {
        field: 'personalization',
        reason: 'too_long',
      });
  }
}
