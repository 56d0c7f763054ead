import { CaseLayout } from '../_components/case-layout';
import { KeyRotationAttack } from './attack';

export const metadata = { title: 'Lab 12: treating the signing key as set-and-forget' };

export default function KeyRotationPage() {
  return (
    <CaseLayout slug="key-rotation">
      <KeyRotationAttack />
    </CaseLayout>
  );
}
