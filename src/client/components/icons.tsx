// Inline SVG icons (no icon font to download). Decorative by default: the control carries the label.
import type { SVGProps } from 'react';

const base = {
  width: 20,
  height: 20,
  viewBox: '0 0 24 24',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 1.8,
  strokeLinecap: 'round',
  strokeLinejoin: 'round',
  focusable: false,
} as const;

type IconProps = SVGProps<SVGSVGElement>;

export const SearchIcon = (p: IconProps) => (
  <svg aria-hidden="true" {...base} {...p}>
    <circle cx="11" cy="11" r="7" />
    <path d="m20 20-3.5-3.5" />
  </svg>
);
export const CartIcon = (p: IconProps) => (
  <svg aria-hidden="true" {...base} {...p}>
    <path d="M3 4h2l2.4 11.2a2 2 0 0 0 2 1.6h7.7a2 2 0 0 0 2-1.5L21 8H6" />
    <circle cx="10" cy="20.5" r="1" />
    <circle cx="17" cy="20.5" r="1" />
  </svg>
);
export const HeartIcon = ({ filled, ...p }: IconProps & { filled?: boolean }) => (
  <svg aria-hidden="true" {...base} fill={filled ? 'currentColor' : 'none'} {...p}>
    <path d="M12 20s-7-4.4-9.2-8.6C1.3 8.3 3 4.8 6.4 4.5c2-.2 3.9.9 5.6 3 1.7-2.1 3.6-3.2 5.6-3 3.4.3 5.1 3.8 3.6 6.9C19 15.6 12 20 12 20Z" />
  </svg>
);
export const UserIcon = (p: IconProps) => (
  <svg aria-hidden="true" {...base} {...p}>
    <circle cx="12" cy="8" r="4" />
    <path d="M4 21c1.5-4 4.5-6 8-6s6.5 2 8 6" />
  </svg>
);
export const StoreIcon = (p: IconProps) => (
  <svg aria-hidden="true" {...base} {...p}>
    <path d="M4 10v10h16V10M3 10l2-6h14l2 6M3 10h18M9 20v-6h6v6" />
  </svg>
);
export const FilterIcon = (p: IconProps) => (
  <svg aria-hidden="true" {...base} {...p}>
    <path d="M4 6h16M7 12h10M10 18h4" />
  </svg>
);
export const CloseIcon = (p: IconProps) => (
  <svg aria-hidden="true" {...base} {...p}>
    <path d="M6 6l12 12M18 6 6 18" />
  </svg>
);
export const BoxIcon = (p: IconProps) => (
  <svg aria-hidden="true" {...base} {...p}>
    <path d="M3 7.5 12 3l9 4.5v9L12 21l-9-4.5v-9Z" />
    <path d="M3 7.5 12 12l9-4.5M12 12v9" />
  </svg>
);
export const BasketIcon = (p: IconProps) => (
  <svg aria-hidden="true" {...base} {...p}>
    <path d="M3 10h18l-2 10H5L3 10Z" />
    <path d="m8 10 4-6 4 6M9 14v3M15 14v3" />
  </svg>
);
export const LockIcon = (p: IconProps) => (
  <svg aria-hidden="true" {...base} {...p}>
    <rect x="5" y="11" width="14" height="10" rx="2" />
    <path d="M8 11V8a4 4 0 0 1 8 0v3" />
  </svg>
);
export const AlertIcon = (p: IconProps) => (
  <svg aria-hidden="true" {...base} {...p}>
    <circle cx="12" cy="12" r="9" />
    <path d="M12 7.5v5.5M12 16.5v.01" />
  </svg>
);
export const ChatIcon = (p: IconProps) => (
  <svg aria-hidden="true" {...base} {...p}>
    <path d="M4 5h16v11H9l-5 4V5Z" />
  </svg>
);
export const ChevronLeftIcon = (p: IconProps) => (
  <svg aria-hidden="true" {...base} {...p}>
    <path d="m15 18-6-6 6-6" />
  </svg>
);
export const ChevronRightIcon = (p: IconProps) => (
  <svg aria-hidden="true" {...base} {...p}>
    <path d="m9 18 6-6-6-6" />
  </svg>
);
export const BellIcon = (p: IconProps) => (
  <svg aria-hidden="true" {...base} {...p}>
    <path d="M6 16V11a6 6 0 1 1 12 0v5l1.5 2h-15L6 16Z" />
    <path d="M10 20.5a2.2 2.2 0 0 0 4 0" />
  </svg>
);
