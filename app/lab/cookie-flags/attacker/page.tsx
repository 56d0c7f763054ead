import { AttackerForms } from './attacker-forms';

export const metadata = { title: 'Lab 10: the attacker’s site' };

/**
 * The attacker's page of case 10. Opened on the app's loopback twin origin (localhost vs
 * 127.0.0.1: another site), it holds two forms that post to the app's origin. Its CSP, alone among
 * the app's pages, allows forms to post to that one other origin (lib/http/security-headers.ts).
 */
export default function CookieFlagsAttackerPage() {
  return (
    <main className="mx-auto flex max-w-4xl flex-col gap-4 px-6 py-6">
      <AttackerForms />
    </main>
  );
}
