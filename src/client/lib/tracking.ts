// Carrier tracking pages live in src/shared (mails link to them too).
export { CARRIERS, defaultCarrier, trackingUrl } from '../../shared/tracking';
