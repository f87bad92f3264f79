// First: zod must be jitless before any module builds a schema (the CSP forbids eval).
import '@/lib/csp/zod-jitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { OptionsApp } from '@/components/options/OptionsApp';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <OptionsApp />
  </StrictMode>,
);
