import type { Metadata } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { HydrationMarker } from './_components/hydration-marker';
import './globals.css';

export const metadata: Metadata = {
  title: 'session-vs-jwt: two login strategies, side by side',
  description: 'Session cookies and JWT access + refresh tokens running for real, with what each costs and how each fails.',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page is rendered per request, the 404 included: the CSP nonce (proxy.ts) exists only
  // then, and a page prerendered at build time would carry scripts the CSP refuses.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        {children}
        <HydrationMarker />
      </body>
    </html>
  );
}
