import { CaseLayout } from '../_components/case-layout';
import { OneLifetimeAttack } from './attack';

export const metadata = { title: 'Lab 13: one token, one lifetime' };

export default function OneLifetimePage() {
  return (
    <CaseLayout slug="one-lifetime">
      <OneLifetimeAttack />
    </CaseLayout>
  );
}
