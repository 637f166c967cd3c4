// Image picker with upload and preview, used for shop logo/banner and listing photos.
import { useId, useState } from 'react';
import { toast } from 'sonner';
import { uploadImage } from '../lib/upload';

export function ImageUpload({
  label,
  values,
  onChange,
  max = 1,
  wide = false,
}: {
  label: string;
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
      toast.error(err instanceof Error ? err.message : 'Upload failed');
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="field">
      <span className="label" id={`${id}-label`}>
        {label}
      </span>
      <div className="image-drop">
        {values.map((url, i) => (
          <div key={url} className={`preview${wide ? ' wide' : ''}`}>
            <img src={url} alt={`${label} ${i + 1}`} />
            <button
              type="button"
              aria-label={`Remove ${label.toLowerCase()} ${i + 1}`}
              onClick={() => onChange(values.filter((v) => v !== url))}
            >
              ×
            </button>
          </div>
        ))}
        {values.length < max || max === 1 ? (
          <label className="btn btn-sm" htmlFor={id} aria-busy={busy}>
            {busy ? 'Uploading…' : values.length && max === 1 ? 'Replace' : 'Upload image'}
            <input
              id={id}
              type="file"
              accept="image/jpeg,image/png,image/webp,image/gif,image/avif"
              multiple={max > 1}
              className="visually-hidden"
              aria-labelledby={`${id}-label`}
              disabled={busy}
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
