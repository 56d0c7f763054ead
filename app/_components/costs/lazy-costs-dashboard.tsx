'use client';

import dynamic from 'next/dynamic';

/**
 * The Costs view in a chunk of its own, loaded only when it is shown: the home page's first load
 * (the Race view) does not carry its charts and measurement code.
 */
export const LazyCostsDashboard = dynamic(() => import('./costs-dashboard').then((module) => module.CostsDashboard));
