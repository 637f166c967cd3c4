// A carrier's public tracking page for a tracking number, when we know the carrier (order pages and mails).
const pages: Record<string, (n: string) => string> = {
  usps: (n) => `https://tools.usps.com/go/TrackConfirmAction?tLabels=${n}`,
  ups: (n) => `https://www.ups.com/track?tracknum=${n}`,
  fedex: (n) => `https://www.fedex.com/fedextrack/?trknbr=${n}`,
  dhl: (n) => `https://www.dhl.com/en/express/tracking.html?AWB=${n}`,
  'royal mail': (n) => `https://www.royalmail.com/track-your-item#/tracking-results/${n}`,
};

export const CARRIERS = ['USPS', 'UPS', 'FedEx', 'DHL', 'Royal Mail', 'Other'] as const;

export function trackingUrl(carrier: string | null, trackingNumber: string): string | null {
  const page = carrier ? pages[carrier.trim().toLowerCase()] : undefined;
  return page ? page(encodeURIComponent(trackingNumber.replace(/\s+/g, ''))) : null;
}
