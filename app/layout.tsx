import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { HydrationMarker } from './_components/hydration-marker';
import './globals.css';

export const metadata: Metadata = {
  title: 'session-vs-jwt: two login strategies, side by side',
  description: 'Session cookies and JWT access + refresh tokens running for real, with what each costs and how each fails.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        {children}
        <HydrationMarker />
      </body>
    </html>
  );
}
