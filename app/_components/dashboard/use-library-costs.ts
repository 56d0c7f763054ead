'use client';

import { useEffect, useState } from 'react';
import { api, type CostsBody } from '@/lib/client/api';

/** The server measures the library calls a second or two after it starts: ask again until it has. */
const RETRY_MS = 2000;
const MAX_ATTEMPTS = 15;

/** The library calls alone, as the instance answering reports them (GET /api/costs); null until known. */
export function useLibraryCosts(): CostsBody['library'] {
  const [library, setLibrary] = useState<CostsBody['library']>(null);
  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = async (attempt: number) => {
      const result = await api.costs();
      if (cancelled) return;
      if (result.ok && result.data.library !== null) setLibrary(result.data.library);
      else if (attempt < MAX_ATTEMPTS) timer = setTimeout(() => void ask(attempt + 1), RETRY_MS);
    };
    void ask(1);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, []);
  return library;
}
