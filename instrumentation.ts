/**
 * Runs once when a server process starts. Validating the configuration here, and not on the first
 * request, is what makes a production server with a missing or weak secret refuse to start.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { startServerApp } = await import('@/lib/server/startup');
    startServerApp();
  }
}
