import { CaseLayout } from '../_components/case-layout';
import { SessionFixationAttack } from './attack';

export const metadata = { title: 'Lab 15: session fixation and guessable ids' };

export default function SessionFixationPage() {
  return (
    <CaseLayout slug="session-fixation">
      <SessionFixationAttack />
    </CaseLayout>
  );
}
