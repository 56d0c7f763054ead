import { CaseLayout } from '../_components/case-layout';
import { JkuInjectionAttack } from './attack';

export const dynamic = 'force-dynamic';

export default function Page() {
  return (
    <CaseLayout slug="jku-injection">
      <JkuInjectionAttack />
    </CaseLayout>
  );
}
