import { CaseLayout } from '../_components/case-layout';
import { UnverifiedClaimsAttack } from './attack';

export const dynamic = 'force-dynamic';

export default function Page() {
  return (
    <CaseLayout slug="unverified-claims">
      <UnverifiedClaimsAttack />
    </CaseLayout>
  );
}
