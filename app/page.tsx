import { Dashboard } from './_components/dashboard/dashboard';
import { readCredentialPresence } from './_lib/credential-presence';
import { parseUrlState, type SearchParamsRecord } from '@/lib/dashboard/url-state';

export default async function HomePage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const [params, credentials] = await Promise.all([searchParams, readCredentialPresence()]);
  return <Dashboard initialUrl={parseUrlState(params)} credentials={credentials} />;
}
