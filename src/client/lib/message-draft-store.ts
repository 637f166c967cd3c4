// Unsent messages, per place a message is written (a conversation, "Message the buyer" on an
// order, "Message the shop" about a listing, an order or the shop): closing the dialog, leaving the
// page or reloading keeps the words until they are sent, as marketplaces' composers do. Kept in
// this tab's sessionStorage (gone with the tab, never shared with other tabs), under the signed-in
// user's id, so someone else signing in on the same tab never sees another person's draft.
import type { ComposedMessage } from '../components/message-composer';

const PREFIX = 'hearth:message-draft:';

const keyOf = (userId: number, place: string) => `${PREFIX}${userId}:${place}`;

export function loadMessageDraft(userId: number, place: string): ComposedMessage | null {
  try {
    const raw = sessionStorage.getItem(keyOf(userId, place));
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<ComposedMessage>;
    const text = typeof parsed.text === 'string' ? parsed.text : '';
    // Only this app's uploads; the server checks again on send.
    const imageUrl =
      typeof parsed.imageUrl === 'string' && parsed.imageUrl.startsWith('/uploads/') ? parsed.imageUrl : null;
    return text || imageUrl ? { text, imageUrl } : null;
  } catch {
    // Storage switched off, or something else's text under our key: start empty.
    return null;
  }
}

/** Saves the draft, or forgets it when it is empty (sent, or wiped by the writer). */
export function saveMessageDraft(userId: number, place: string, draft: ComposedMessage): void {
  try {
    if (!draft.text && !draft.imageUrl) sessionStorage.removeItem(keyOf(userId, place));
    else sessionStorage.setItem(keyOf(userId, place), JSON.stringify(draft));
  } catch {
    // Full or switched off: writing goes on; only closing the dialog loses the words, as before.
  }
}
