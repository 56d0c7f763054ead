import { CaseLayout } from '../_components/case-layout';
import { LocalStorageAttack } from './attack';

export const metadata = { title: 'Lab 2: a JWT kept in localStorage' };

export default function LocalStoragePage() {
  return (
    <CaseLayout slug="local-storage">
      <LocalStorageAttack />
    </CaseLayout>
  );
}
