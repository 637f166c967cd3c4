// "Send a new link" for an unconfirmed email address (account page, opening a shop). When the
// address turns out to be confirmed already, every query refetches so the page moves on.
import { toast } from 'sonner';
import { describeError, queryClient, trpc } from '../trpc';
import { StatusButton } from './ui/status-button';

export function ResendVerificationButton({ sentMessage }: { sentMessage: string }) {
  const resend = trpc.account.resendVerification.useMutation({
    onSuccess: async (r) => {
      if (r.alreadyVerified) await queryClient.invalidateQueries();
      else toast.success(sentMessage);
    },
    onError: (e) => toast.error(describeError(e).message),
  });
  return (
    <StatusButton
      type="button"
      className="btn btn-ghost btn-sm"
      pending={resend.isPending}
      pendingLabel="Sending…"
      onClick={() => resend.mutate()}
    >
      Send a new link
    </StatusButton>
  );
}
