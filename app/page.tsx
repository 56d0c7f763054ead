import { Dashboard } from './_components/dashboard/dashboard';

export default function HomePage() {
  return <Dashboard />;
}
