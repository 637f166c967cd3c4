// One rule for the seller's save buttons (vacation, shop settings, variations, the listing editor):
// a save that would store exactly what is stored (a second press once the first has answered, or
// "24" typed over "24.00") sends nothing, so nothing is dated today, and says so in the form's own
// toast, which replaces the last instead of stacking on it.
import { toast } from 'sonner';

/**
 * Runs `save` when `unchanged` is false. Otherwise sends nothing and shows `upToDate` in the
 * toast `toastId` (the one the save itself answers in). Returns whether `save` ran.
 */
export function saveUnlessUnchanged({
  unchanged,
  toastId,
  upToDate,
  say = (message) => toast.success(message, { id: toastId }),
  save,
}: {
  /** The input stores exactly what is saved, compared in stored form (cents, trimmed text, sorted rows). */
  unchanged: boolean;
  /** The toast that answers, unless `say` answers elsewhere. */
  toastId?: string;
  /** Where `upToDate` is said: by default the toast `toastId`; a dialog's editor says it beside its button. */
  say?: (message: string) => void;
  /** What the toast says when nothing is sent, e.g. "No changes to save: your shop is up to date." */
  upToDate: string;
  save: () => void;
}): boolean {
  if (unchanged) {
    say(upToDate);
    return false;
  }
  save();
  return true;
}
