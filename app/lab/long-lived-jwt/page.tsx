import { CaseLayout } from '../_components/case-layout';
import { LongLivedJwtAttack } from './attack';

export const metadata = { title: 'Lab 1: a long-lived JWT with no refresh story' };

export default function LongLivedJwtPage() {
  return (
    <CaseLayout slug="long-lived-jwt">
      <LongLivedJwtAttack />
    </CaseLayout>
  );
}
