// "Buy again" under a past order's line: adds one to the cart (the shared add-to-cart explains a
// sold-out or archived listing in words) and offers the way to the cart.
import { useNavigate } from 'react-router';
import { toast } from 'sonner';
import { useAddToCart } from '../lib/cart-actions';
import { StatusButton } from './ui/status-button';

export function BuyAgainButton({ productId, title }: { productId: number; title: string }) {
  const navigate = useNavigate();
  const cart = useAddToCart(productId);
  return (
    <StatusButton
      type="button"
      className="btn btn-sm"
      pending={cart.isPending}
      pendingLabel="Adding…"
      onClick={() =>
        cart.add(1, {
          onSuccess: () =>
            toast.success(`“${title}” is in your cart.`, {
              action: { label: 'View cart', onClick: () => navigate('/cart') },
            }),
        })
      }
    >
      {/* The visible words start the accessible name (WCAG 2.5.3, voice control); the title says which line. */}
      Buy again<span className="visually-hidden">: “{title}”</span>
    </StatusButton>
  );
}
