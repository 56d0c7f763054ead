'use client';

import { useEffect, useState } from 'react';
import { api, type HealthBody } from '@/lib/client/api';

const HEALTH_POLL_MS = 5000;

/** The store badge's data: /api/health now and every 5 s (a 503 still describes the store). */
export function useHealth(): HealthBody | null {
  const [health, setHealth] = useState<HealthBody | null>(null);
  useEffect(() => {
    const load = async () => {
      const result = await api.health();
      if (result.ok) setHealth(result.data);
    };
    void load();
    const timer = setInterval(() => void load(), HEALTH_POLL_MS);
    return () => clearInterval(timer);
  }, []);
  return health;
}
