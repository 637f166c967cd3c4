// Placeholder pictures for the demo catalogue, drawn on request so no image files live in the
// tree: /images/ph/<leaf-slug>-<n>.svg (a listing photo), logo-<initials>-<n>.svg (a shop logo),
// banner-<leaf-slug>-<n>.svg (a shop banner). The colour comes from the name, so the same URL
// always draws the same picture and browsers may cache it.
import { PUBLIC_IMAGE_HEADERS } from '../http/public-image-headers';
import { categoryTaxonomy } from '../modules/catalog/category-taxonomy';
import { hashString } from './prng';

const labels = new Map<string, string>(
  categoryTaxonomy.flatMap((top) => [[top.slug, top.name], ...(top.children ?? []).map((c) => [c.slug, c.name])]) as [
    string,
    string,
  ][],
);

const namePattern = /^\/images\/ph\/([a-z0-9-]{1,80})\.svg$/;

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function palette(name: string): { bg: string; fg: string; accent: string } {
  const h = hashString(name);
  const hue = h % 360;
  return {
    bg: `hsl(${hue} 38% 86%)`,
    fg: `hsl(${hue} 35% 28%)`,
    accent: `hsl(${(hue + 40) % 360} 45% 70%)`,
  };
}

function listingSvg(name: string, label: string): string {
  const { bg, fg, accent } = palette(name);
  const h = hashString(`${name}:shape`);
  const cx = 200 + ((h % 120) - 60);
  const cy = 190 + (((h >>> 8) % 80) - 40);
  const r = 70 + ((h >>> 16) % 60);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="600" viewBox="0 0 400 400" role="img" aria-label="${escapeXml(label)}">
<rect width="400" height="400" fill="${bg}"/>
<circle cx="${cx}" cy="${cy}" r="${r}" fill="${accent}" opacity="0.75"/>
<rect x="${400 - cx - 50}" y="${cy + 20}" width="130" height="90" rx="18" fill="${fg}" opacity="0.18"/>
<text x="200" y="360" text-anchor="middle" font-family="Georgia, serif" font-size="24" fill="${fg}">${escapeXml(label)}</text>
</svg>`;
}

function logoSvg(name: string, initials: string): string {
  const { bg, fg } = palette(name);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="200" viewBox="0 0 200 200" role="img" aria-label="Shop logo">
<circle cx="100" cy="100" r="98" fill="${bg}" stroke="${fg}" stroke-width="4"/>
<text x="100" y="122" text-anchor="middle" font-family="Georgia, serif" font-size="64" fill="${fg}">${escapeXml(initials.toUpperCase())}</text>
</svg>`;
}

// The label is centred: on a phone the banner is cropped to its middle (object-fit: cover), and
// a label at the left edge was cut off there.
function bannerSvg(name: string, label: string): string {
  const { bg, fg, accent } = palette(name);
  const h = hashString(`${name}:banner`);
  const waves = Array.from({ length: 6 }, (_, i) => {
    const y = 40 + i * 45 + ((h >>> i) % 20);
    return `<path d="M0 ${y} Q 300 ${y - 40} 600 ${y} T 1200 ${y}" stroke="${accent}" stroke-width="10" fill="none" opacity="0.6"/>`;
  }).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="300" viewBox="0 0 1200 300" role="img" aria-label="${escapeXml(label)}">
<rect width="1200" height="300" fill="${bg}"/>${waves}
<text x="600" y="262" text-anchor="middle" font-family="Georgia, serif" font-size="32" fill="${fg}">${escapeXml(label)}</text>
</svg>`;
}

/** The SVG for a placeholder path, or null when the path names no placeholder. */
export function placeholderSvg(path: string): string | null {
  const match = namePattern.exec(path);
  if (!match) return null;
  const name = match[1]!;
  const parts = name.split('-');
  const last = parts.at(-1)!;
  if (!/^\d{1,4}$/.test(last) || parts.length < 2) return null;
  const stem = parts.slice(0, -1).join('-');
  if (parts[0] === 'logo' && parts.length === 3) return logoSvg(name, parts[1]!.slice(0, 3));
  if (parts[0] === 'banner') {
    const leaf = parts.slice(1, -1).join('-');
    return bannerSvg(name, labels.get(leaf) ?? 'Handmade & vintage');
  }
  const label = labels.get(stem);
  return label ? listingSvg(name, label) : null;
}

export function placeholderImageResponse(path: string): Response {
  const svg = placeholderSvg(path);
  if (!svg) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain' } });
  return new Response(svg, {
    headers: {
      'Content-Type': 'image/svg+xml; charset=utf-8',
      'Cache-Control': 'public, max-age=86400',
      'X-Content-Type-Options': 'nosniff',
      ...PUBLIC_IMAGE_HEADERS,
    },
  });
}
