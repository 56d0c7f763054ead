import { CaseLayout } from '../_components/case-layout';
import { TokenBloatAttack } from './attack';

export const metadata = { title: 'Lab 11: stuffing too much into the JWT' };

export default function TokenBloatPage() {
  return (
    <CaseLayout slug="token-bloat">
      <TokenBloatAttack />
    </CaseLayout>
  );
}
