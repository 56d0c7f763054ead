import { CaseLayout } from '../_components/case-layout';
import { AlgorithmConfusionAttack } from './attack';

export const dynamic = 'force-dynamic';

export default function Page() {
  return (
    <CaseLayout slug="algorithm-confusion">
      <AlgorithmConfusionAttack />
    </CaseLayout>
  );
}
