// The product page's images: the main image, thumbnails to switch it, and a zoom that opens the
// image large in a dialog (arrow keys or buttons page through the others; Escape closes).
import { useEffect, useState } from 'react';
import { ChevronLeftIcon, ChevronRightIcon } from './icons';
import { ProductImage, placeholderStyle } from './product-image';
import { Dialog } from './ui/dialog';

export function ProductGallery({ images, title, seed }: { images: string[]; title: string; seed: number }) {
  const [index, setIndex] = useState(0);
  const [zoomed, setZoomed] = useState(false);
  const current = images[index] ?? null;
  const step = (by: number) => setIndex((i) => (i + by + images.length) % images.length);
  // Arrow keys page through the images wherever focus is inside the open dialog.
  useEffect(() => {
    if (!zoomed || images.length < 2) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'ArrowRight') setIndex((i) => (i + 1) % images.length);
      else if (e.key === 'ArrowLeft') setIndex((i) => (i - 1 + images.length) % images.length);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [zoomed, images.length]);
  return (
    <div>
      {current ? (
        <button
          type="button"
          className="gallery-main gallery-zoom"
          aria-label={`Zoom image ${index + 1} of ${images.length}`}
          onClick={() => setZoomed(true)}
        >
          <ProductImage src={current} alt={title} seed={seed} eager />
        </button>
      ) : (
        <div className="gallery-main" style={placeholderStyle(seed)}>
          <ProductImage src={null} alt={title} seed={seed} eager />
        </div>
      )}
      {images.length > 1 && (
        // biome-ignore lint/a11y/useSemanticElements: a labelled group of thumbnail buttons, not a form fieldset
        <div className="gallery-thumbs" role="group" aria-label="Product images">
          {images.map((src, i) => (
            <button
              key={src}
              type="button"
              aria-label={`Show image ${i + 1} of ${images.length}`}
              aria-current={i === index}
              onClick={() => setIndex(i)}
            >
              <img src={src} alt="" loading="lazy" />
            </button>
          ))}
        </div>
      )}
      <Dialog open={zoomed} onClose={() => setZoomed(false)} title={title} size="lg">
        <div className="zoom-view">
          {current && <img src={current} alt={`${title} (${index + 1} of ${images.length})`} />}
          {images.length > 1 && (
            <div className="zoom-nav">
              <button type="button" className="btn btn-sm" onClick={() => step(-1)} aria-label="Previous image">
                <ChevronLeftIcon />
              </button>
              <span className="small muted" aria-live="polite">
                {index + 1} / {images.length}
              </span>
              <button type="button" className="btn btn-sm" onClick={() => step(1)} aria-label="Next image">
                <ChevronRightIcon />
              </button>
            </div>
          )}
        </div>
      </Dialog>
    </div>
  );
}
