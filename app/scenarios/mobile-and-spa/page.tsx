import { ScenarioFrame } from '../_components/scenario-frame';
import { SharedApi } from './shared-api';

export const metadata = { title: 'Mobile app and SPA sharing one API. Scenarios: session-vs-jwt' };

export default function MobileAndSpaScenarioPage() {
  return (
    <ScenarioFrame slug="mobile-and-spa">
      <SharedApi />
    </ScenarioFrame>
  );
}
