import { CaseLayout } from '../_components/case-layout';
import { JwkInjectionAttack } from './attack';

export const dynamic = 'force-dynamic';

export default function Page() {
  return (
    <CaseLayout slug="jwk-injection">
      <JwkInjectionAttack />
    </CaseLayout>
  );
}
