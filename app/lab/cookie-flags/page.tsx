import { CaseLayout } from '../_components/case-layout';
import { CookieFlagsAttack } from './attack';

export const metadata = { title: 'Lab 10: a cookie without HttpOnly, Secure or SameSite' };

export default function CookieFlagsPage() {
  return (
    <CaseLayout slug="cookie-flags">
      <CookieFlagsAttack />
    </CaseLayout>
  );
}
