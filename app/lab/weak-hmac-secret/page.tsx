import { CaseLayout } from '../_components/case-layout';
import { WeakHmacSecretAttack } from './attack';

export const dynamic = 'force-dynamic';

export default function Page() {
  return (
    <CaseLayout slug="weak-hmac-secret">
      <WeakHmacSecretAttack />
    </CaseLayout>
  );
}
