// The app's one toaster (sonner) and where its toasts are drawn. A modal dialog (showModal) sits in
// the browser's top layer and makes the rest of the page inert, so a toaster left in <body> would be
// painted under the dialog's backdrop and hidden from screen readers while a dialog is open. The
// toaster therefore renders into a host element of its own that the topmost open modal dialog holds
// (<body> when none is open). The element is moved, never re-rendered, so toasts raised just before
// a dialog opens or closes ("Listing updated" as the editor closes) stay on screen. While a dialog
// holds them they show at the top: at the bottom they covered a phone dialog's own Save button;
// on a dialog reaching the screen's top, just under its head, which they covered (decision 0200).
// On a phone they show at the top on every page, just under the sticky header: at the bottom they
// covered the buttons a thumb was about to tap (decision 0183). On a laptop they show at the bottom
// left, 288 px wide: over the dashboard's nav column, empty at that height, not over the middle,
// where they covered the next row's "Edit stock" in the seller's Listings (decision 0186).
import { type CSSProperties, useSyncExternalStore } from 'react';
import { createPortal } from 'react-dom';
import { Toaster, toast } from 'sonner';

let host: HTMLElement | null = null;
/** Open modal dialogs in the order they opened: the last one is on top of the top layer. */
const openDialogs: HTMLElement[] = [];
const listeners = new Set<() => void>();

function toasterHost(): HTMLElement {
  if (!host) {
    host = document.createElement('div');
    host.className = 'toaster-host';
    document.body.append(host);
  }
  return host;
}

function placeToasterHost() {
  const dialog = openDialogs.at(-1);
  const holder = dialog ?? document.body;
  const el = toasterHost();
  if (el.parentElement !== holder) holder.append(el);
  if (dialog) keepClearOfHead(dialog);
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const inDialog = () => openDialogs.length > 0;

/**
 * Draws toasts inside `dialog` (just opened with showModal) until the returned function is called,
 * when it closes or unmounts; nested dialogs hand the toasts back to the one below.
 */
export function showToastsIn(dialog: HTMLElement): () => void {
  // A toast from before the dialog opened ("Listing updated", then New listing) is about what the
  // person left: it would sit over the new dialog's top fields.
  toast.dismiss();
  openDialogs.push(dialog);
  placeToasterHost();
  // The dialog grows as its content loads (the Edit listing form reaches the screen's top).
  const resized = new ResizeObserver(() => keepClearOfHead(dialog));
  resized.observe(dialog);
  return () => {
    resized.disconnect();
    const at = openDialogs.lastIndexOf(dialog);
    if (at !== -1) openDialogs.splice(at, 1);
    placeToasterHost();
  };
}

/** Room a toast needs above a dialog to stay clear of it: sonner's 16 px and a one-line toast. */
const TOAST_ROOM = 16 + 56;

/**
 * Where a dialog's toasts start from the screen's top, as --dialog-toast-top on the host: sonner's
 * 16 px when the dialog leaves room above it, else just under the dialog's head (title and Close),
 * which a toast at the top covered on a tall dialog (Edit listing at 1366 and 390 px).
 */
function keepClearOfHead(dialog: HTMLElement) {
  if (openDialogs.at(-1) !== dialog) return;
  const head = dialog.querySelector('.dialog-head');
  const top = dialog.getBoundingClientRect().top;
  // Where the head ends with the dialog scrolled to its top: a toast raised lower down stays put.
  const underHead = head ? head.getBoundingClientRect().bottom + dialog.scrollTop + 8 : 16;
  const value = top >= TOAST_ROOM || !head ? 16 : Math.round(underHead);
  toasterHost().style.setProperty('--dialog-toast-top', `${value}px`);
}

const noChanges = () => () => {};

/** Sonner's own phone breakpoint: below it a toast spans the screen's width. */
const PHONE = '(max-width: 600px)';
function subscribePhone(listener: () => void) {
  const query = window.matchMedia(PHONE);
  query.addEventListener('change', listener);
  return () => query.removeEventListener('change', listener);
}
const onPhone = () => window.matchMedia(PHONE).matches;

/**
 * A laptop's page toast: sonner's 24 px from the left edge plus this width ends before the
 * dashboard's main column (342 px at 1366 wide), so no table or form control is under it.
 */
const laptopPageToasts = { '--width': '288px' } as CSSProperties;

/** In a dialog: clear of its head (keepClearOfHead), sonner's 16 px at the sides. */
const dialogOffset = { top: 'var(--dialog-toast-top, 16px)' };

/** Browser only: the server sends no toasts, and hydration sees null on both sides. */
export function AppToaster() {
  const target = useSyncExternalStore(noChanges, toasterHost, () => null);
  const dialog = useSyncExternalStore(subscribe, inDialog, () => false);
  const phone = useSyncExternalStore(subscribePhone, onPhone, () => false);
  return (
    target &&
    createPortal(
      <Toaster
        position={dialog || phone ? 'top-center' : 'bottom-left'}
        style={dialog || phone ? undefined : laptopPageToasts}
        // A phone's page toast sits under the sticky header, whose icons (cart, messages) it once
        // covered; a phone's dialog fills the screen, so there it keeps sonner's 16 px.
        mobileOffset={dialog ? dialogOffset : { top: 'calc(var(--sticky-header-h, var(--header-h)) + 8px)' }}
        offset={dialog ? dialogOffset : undefined}
        richColors
        closeButton
        toastOptions={{ duration: 4500 }}
      />,
      target,
    )
  );
}
