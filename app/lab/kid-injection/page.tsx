import { CaseLayout } from '../_components/case-layout';
import { KidInjectionAttack } from './attack';

export const dynamic = 'force-dynamic';

export default function Page() {
  return (
    <CaseLayout slug="kid-injection">
      <KidInjectionAttack />
    </CaseLayout>
  );
}
