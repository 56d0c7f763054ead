import { CaseLayout } from '../_components/case-layout';
import { StatelessLogoutAttack } from './attack';

export const metadata = { title: 'Lab 14: a logout that does not end the session' };

export default function LogoutStatelessCookiePage() {
  return (
    <CaseLayout slug="logout-stateless-cookie">
      <StatelessLogoutAttack />
    </CaseLayout>
  );
}
