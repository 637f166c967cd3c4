// Imported first by main.tsx: the CSP forbids eval, so zod must not probe for it. Modules run in
// import order, and some parse a schema while loading (before main.tsx's own body would run).
import { z } from 'zod';

z.config({ jitless: true });
