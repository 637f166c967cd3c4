// A product or shop image with a warm, deterministic placeholder when there is none (or it fails),
// so grids never show broken-image icons and keep their layout (fixed aspect ratio, no CLS).
import { useState } from 'react';

const palettes = [
  ['#e8c4a8', '#c77d57'],
  ['#d9e2cf', '#7e9a72'],
  ['#ecd9b0', '#c2953f'],
  ['#e4cfd6', '#a86b7d'],
  ['#cfdde2', '#5f8796'],
  ['#e6d3c2', '#96705a'],
];

export function placeholderStyle(seed: number) {
  const [a, b] = palettes[Math.abs(seed) % palettes.length];
  return { background: `linear-gradient(135deg, ${a}, ${b})` };
}

export function ProductImage({
  src,
  alt,
  seed,
  eager = false,
  sizes,
}: {
  src: string | null | undefined;
  alt: string;
  seed: number;
  eager?: boolean;
  sizes?: string;
}) {
  const [failed, setFailed] = useState(false);
  if (!src || failed) {
    return (
      <div
        className="placeholder-art"
        style={placeholderStyle(seed)}
        {...(alt ? { role: 'img', 'aria-label': alt } : { 'aria-hidden': true })}
      >
        {alt.trim().charAt(0).toUpperCase()}
      </div>
    );
  }
  return (
    <img
      src={src}
      alt={alt}
      loading={eager ? 'eager' : 'lazy'}
      fetchPriority={eager ? 'high' : undefined}
      decoding="async"
      sizes={sizes}
      onError={() => setFailed(true)}
    />
  );
}
