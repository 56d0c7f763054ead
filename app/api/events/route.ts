import { openUserEventStream } from '@/lib/server/events/streams';
import { route } from '@/lib/server/http/route';

export const dynamic = 'force-dynamic';

/**
 * Server-Sent Events about the caller's own credentials (and global changes such as settings).
 * The caller is identified by either strategy's credential, checked again while the stream is
 * open; the admin's stream is /api/admin/events, where the admin cookie is sent.
 */
export const GET = route(openUserEventStream);
