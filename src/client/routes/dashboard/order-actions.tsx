// What the seller can do next with an order: the one next step as the main button (shipping asks
// for carrier and tracking), an optional note the buyer sees in the timeline, and cancellation
// behind a confirmation that says what it does (refund, restock).
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { toast } from 'sonner';
import { z } from 'zod';
import { type OrderDetailDto, updateOrderStatusInput } from '../../../shared/schemas/orders';
import { Field } from '../../components/field';
import { statusLabel } from '../../components/order-status';
import { ConfirmDialog } from '../../components/ui/dialog';
import { StatusButton } from '../../components/ui/status-button';
import { applyServerErrors } from '../../lib/form-errors';
import { formatCents } from '../../lib/format';
import { CARRIERS, defaultCarrier } from '../../lib/tracking';
import { useCheckedForm } from '../../lib/use-checked-form';
import { trpc } from '../../trpc';

const shape = updateOrderStatusInput.shape;
// The shared input's rules. Carrier and tracking are only on screen (and only sent) when the step
// is shipping, so other steps must not validate them: the empty tracking field failed min(3) there,
// invisibly, and "Start making / packing" did nothing.
const actionForm = z.object({
  note: shape.note,
  carrier: z.string().optional(),
  trackingNumber: z.string().optional(),
});
const shipForm = actionForm.extend({
  carrier: shape.carrier.unwrap(),
  trackingNumber: shape.trackingNumber.unwrap(),
});
type ActionForm = z.input<typeof actionForm>;

const nextLabel = {
  processing: 'Start making / packing',
  shipped: 'Mark shipped',
  delivered: 'Mark delivered',
} as const;

export function OrderActions({ order }: { order: OrderDetailDto }) {
  const trpcUtils = trpc.useUtils();
  const [confirmCancel, setConfirmCancel] = useState(false);
  const next = order.nextStatuses.find((s): s is keyof typeof nextLabel => s in nextLabel);
  const canCancel = order.nextStatuses.includes('cancelled');
  const form = useCheckedForm<ActionForm>({
    resolver: zodResolver(next === 'shipped' ? shipForm : actionForm),
    // The destination's national post, or none: the seller chooses (decision 0190).
    defaultValues: { note: '', carrier: defaultCarrier(order.shippingAddress.country), trackingNumber: '' },
  });
  const update = trpc.orders.updateStatus.useMutation({
    onSuccess: (saved) => {
      trpcUtils.orders.forSeller.setData({ orderId: order.orderId }, saved);
      void trpcUtils.orders.forShop.invalidate();
      void trpcUtils.seller.dashboard.invalidate();
      // A conversation about this order shows its status on the "About order #N" card.
      void trpcUtils.messages.thread.invalidate();
      toast.success(`Order #${order.orderId}: ${statusLabel[saved.status]}.`);
      form.reset({ note: '', carrier: form.getValues('carrier'), trackingNumber: '' });
      setConfirmCancel(false);
    },
    onError: (err) => {
      const message = applyServerErrors(form, err);
      if (message) toast.error(message);
      setConfirmCancel(false);
    },
  });
  if (!next && !canCancel) return null;
  const e = form.formState.errors;
  const noteValue = () => form.getValues('note')?.trim() || undefined;

  return (
    <section className="card card-stack" aria-labelledby="order-actions-title">
      <h2 id="order-actions-title" className="card-title focus-heading" tabIndex={-1}>
        Next step
      </h2>
      <form
        noValidate
        className="order-actions-form"
        onSubmit={form.handleSubmit((v) => {
          if (!next) return;
          update.mutate({
            orderId: order.orderId,
            status: next,
            note: v.note?.trim() || undefined,
            ...(next === 'shipped' ? { carrier: v.carrier, trackingNumber: v.trackingNumber } : {}),
          });
        })}
      >
        {next === 'shipped' && (
          <div className="form-row">
            <Field label="Carrier" error={e.carrier?.message}>
              <select className="select" {...form.register('carrier')}>
                <option value="">Choose a carrier</option>
                {CARRIERS.map((c) => (
                  <option key={c}>{c}</option>
                ))}
              </select>
            </Field>
            <Field label="Tracking number" error={e.trackingNumber?.message}>
              <input className="input" autoComplete="off" {...form.register('trackingNumber')} />
            </Field>
          </div>
        )}
        <Field label="Note to the buyer (optional)" hint="Shown in the order's timeline" error={e.note?.message}>
          <textarea className="textarea textarea-short" maxLength={500} {...form.register('note')} />
        </Field>
        <div className="order-action-buttons">
          {next && (
            <StatusButton pending={update.isPending && update.variables?.status === next} pendingLabel="Saving…">
              {nextLabel[next]}
            </StatusButton>
          )}
          {canCancel && (
            <button
              type="button"
              className="btn btn-ghost btn-danger"
              disabled={update.isPending}
              onClick={() => setConfirmCancel(true)}
            >
              Cancel order
            </button>
          )}
        </div>
      </form>
      <ConfirmDialog
        open={confirmCancel}
        title={`Cancel order #${order.orderId}?`}
        confirmLabel="Cancel and refund"
        cancelLabel="Keep the order"
        pending={update.isPending}
        onClose={() => setConfirmCancel(false)}
        onConfirm={() => update.mutate({ orderId: order.orderId, status: 'cancelled', note: noteValue() })}
      >
        {order.buyer.name} is refunded {formatCents(order.totalCents)} and the items go back on sale. This cannot be
        undone.
      </ConfirmDialog>
    </section>
  );
}
