import { ScenarioFrame } from '../_components/scenario-frame';
import { DecisionGuide } from './decision-guide';

export const metadata = { title: 'Which one should I pick? Scenarios: session-vs-jwt' };

export default function DecisionGuidePage() {
  return (
    <ScenarioFrame slug="decision-guide">
      <DecisionGuide />
    </ScenarioFrame>
  );
}
