import { expect, type Page } from '@playwright/test';

/**
 * The outcome every lab case must show, side by side: the weak lab endpoint let the attack in,
 * with the evidence given, and the app's real endpoint refused it with a 401 and the evidence given.
 */
export async function expectWeakAcceptedRealRefused(page: Page, evidence: { weak: string[]; real: string[] }): Promise<void> {
  const weak = page.getByTestId('weak-answer');
  const real = page.getByTestId('real-answer');
  await expect(weak).toHaveAttribute('data-verdict', 'accepted');
  for (const text of evidence.weak) await expect(weak).toContainText(text);
  await expect(real).toHaveAttribute('data-verdict', 'refused');
  await expect(real).toContainText('401');
  for (const text of evidence.real) await expect(real).toContainText(text);
}
