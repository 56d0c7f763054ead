import { CaseLayout } from '../_components/case-layout';
import { AlgNoneAttack } from './attack';

export const dynamic = 'force-dynamic';

export default function Page() {
  return (
    <CaseLayout slug="alg-none">
      <AlgNoneAttack />
    </CaseLayout>
  );
}
