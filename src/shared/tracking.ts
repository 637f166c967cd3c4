// A carrier's public tracking page for a tracking number, when we know the carrier (order pages and mails).
const pages: Record<string, (n: string) => string> = {
  usps: (n) => `https://tools.usps.com/go/TrackConfirmAction?tLabels=${n}`,
  ups: (n) => `https://www.ups.com/track?tracknum=${n}`,
  fedex: (n) => `https://www.fedex.com/fedextrack/?trknbr=${n}`,
  dhl: (n) => `https://www.dhl.com/en/express/tracking.html?AWB=${n}`,
  'royal mail': (n) => `https://www.royalmail.com/track-your-item#/tracking-results/${n}`,
};

export const CARRIERS = ['USPS', 'UPS', 'FedEx', 'DHL', 'Royal Mail', 'Other'] as const;

/**
 * The carrier the Mark shipped form starts on for a parcel going to `country` (ISO 3166-1 alpha-2):
 * the national post where the list has it (USPS in the US and Puerto Rico, Royal Mail in the UK),
 * else '' so the seller picks one (decision 0190). A guess that is wrong for the destination
 * (USPS for a parcel to Leeds) is saved as easily as a right one and gives the buyer a dead link.
 */
export function defaultCarrier(country: string): (typeof CARRIERS)[number] | '' {
  const c = country.toUpperCase();
  if (c === 'US' || c === 'PR') return 'USPS';
  if (c === 'GB') return 'Royal Mail';
  return '';
}

export function trackingUrl(carrier: string | null, trackingNumber: string): string | null {
  const page = carrier ? pages[carrier.trim().toLowerCase()] : undefined;
  return page ? page(encodeURIComponent(trackingNumber.replace(/\s+/g, ''))) : null;
}
