import { CaseLayout } from '../_components/case-layout';
import { SensitivePayloadAttack } from './attack';

export const dynamic = 'force-dynamic';

export default function Page() {
  return (
    <CaseLayout slug="sensitive-payload">
      <SensitivePayloadAttack />
    </CaseLayout>
  );
}
