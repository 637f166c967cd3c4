// The buyer's personalisation (issue 16 item 4): the seller's instructions as the label, a
// character counter against the seller's limit, required or optional.
import { useId } from 'react';

export function PersonalizationField({
  spec,
  value,
  onChange,
  error,
  autoFocus,
}: {
  spec: { prompt: string; maxChars: number; required: boolean };
  value: string;
  onChange: (value: string) => void;
  error: string | null;
  /** Opened on request (editing a cart line): the text box takes the focus. */
  autoFocus?: boolean;
}) {
  const id = useId();
  const length = [...value].length;
  return (
    <div className="field personalization">
      <label htmlFor={id}>
        Personalisation{' '}
        {spec.required ? (
          <span className="small muted">(required)</span>
        ) : (
          <span className="small muted">(optional)</span>
        )}
      </label>
      <span className="hint" id={`${id}-hint`}>
        {spec.prompt}
      </span>
      <textarea
        id={id}
        className="textarea"
        rows={2}
        value={value}
        // biome-ignore lint/a11y/noAutofocus: only when the buyer just asked to edit this text
        autoFocus={autoFocus}
        aria-describedby={`${id}-hint ${id}-count${error ? ` ${id}-error` : ''}`}
        aria-invalid={error ? true : undefined}
        aria-required={spec.required || undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      <span className="counter" id={`${id}-count`} aria-live="polite">
        {length} / {spec.maxChars}
      </span>
      {error && (
        <span className="error" id={`${id}-error`} role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
