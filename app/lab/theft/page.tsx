import { Breadcrumb } from '@/app/_components/breadcrumb';
import { TheftDemo, type WindowRole } from './theft-demo';

export const metadata = { title: 'Refresh-token theft, in two windows: session-vs-jwt lab' };

export default async function TheftPage({ searchParams }: { searchParams: Promise<{ role?: string | string[] }> }) {
  const { role } = await searchParams;
  const initialRole: WindowRole = role === 'attacker' ? 'attacker' : 'victim';
  return (
    <main className="mx-auto flex max-w-6xl flex-col gap-3 px-6 py-4 max-sm:px-4">
      <header>
        <Breadcrumb trail={[{ href: '/lab', label: 'lab' }]} here="theft" />
        <h1 className="text-2xl font-bold tracking-tight">Refresh-token theft, in two windows</h1>
        <p className="mt-1 text-slate-800">
          Malware copies the victim&apos;s refresh token; the attacker refreshes with it. The real flow rotates the token at every refresh,
          so soon one holder presents a token already used: the server calls it theft, revokes the whole login and signs both windows out.
          The lab variant never rotates, so nothing looks wrong and the attacker stays in.
        </p>
      </header>
      <TheftDemo initialRole={initialRole} />
    </main>
  );
}
