// Image picker with upload and preview, used for shop logo/banner and listing photos.
import { useId, useState } from 'react';
import { toast } from 'sonner';
import { uploadImage } from '../lib/upload';

export function ImageUpload({
  label,
  item = label.toLowerCase(),
  values,
  onChange,
  max = 1,
  wide = false,
}: {
  label: string;
  /** One of them, for "Remove photo 2" (the label's words by default). */
  item?: string;
  values: string[];
  onChange: (urls: string[]) => void;
  max?: number;
  wide?: boolean;
}) {
  const id = useId();
  const [busy, setBusy] = useState(false);
  async function onFiles(files: FileList | null) {
    if (!files?.length) return;
    setBusy(true);
    const next = [...values];
    try {
      for (const file of Array.from(files).slice(0, max - (max === 1 ? 0 : values.length))) {
        const url = await uploadImage(file);
        if (max === 1) next.splice(0, next.length, url);
        else next.push(url);
      }
      onChange(next.slice(0, max));
    } catch (err) {
      toast.error(err instanceof Error ? err.message : 'The upload failed. Please try again.');
    } finally {
      setBusy(false);
    }
  }
  const thing = label.toLowerCase();
  // The button's words are its name (no aria-labelledby to the field's title: "Photos" named a
  // control that read "Upload image", and a voice user saying what they saw got nothing).
  const action = busy
    ? 'Uploading…'
    : max > 1
      ? `Add ${thing}`
      : values.length
        ? `Replace ${thing}`
        : `Upload ${thing}`;
  return (
    <div className="field">
      <span className="label">{label}</span>
      <div className="image-drop">
        {values.map((url, i) => (
          <div key={url} className={`preview${wide ? ' wide' : ''}`}>
            <img src={url} alt={max > 1 ? `${item.charAt(0).toUpperCase()}${item.slice(1)} ${i + 1}` : label} />
            <button
              type="button"
              aria-label={max > 1 ? `Remove ${item} ${i + 1}` : `Remove ${thing}`}
              onClick={() => onChange(values.filter((v) => v !== url))}
            >
              ×
            </button>
          </div>
        ))}
        {values.length < max || max === 1 ? (
          <label className="btn btn-sm image-pick" htmlFor={id} aria-busy={busy}>
            {action}
            {/* Not disabled while uploading: that dropped keyboard focus to the page. */}
            <input
              id={id}
              type="file"
              accept="image/jpeg,image/png,image/webp,image/gif,image/avif"
              multiple={max > 1}
              className="visually-hidden"
              aria-disabled={busy || undefined}
              onClick={(e) => {
                if (busy) e.preventDefault();
              }}
              onChange={(e) => {
                void onFiles(e.target.files);
                e.target.value = '';
              }}
            />
          </label>
        ) : null}
      </div>
      <span className="hint">JPEG, PNG, WebP, GIF or AVIF up to 5 MB.</span>
    </div>
  );
}
