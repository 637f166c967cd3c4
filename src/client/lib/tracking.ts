// Carrier tracking pages live in src/shared (mails link to them too).
export { CARRIERS, trackingUrl } from '../../shared/tracking';
