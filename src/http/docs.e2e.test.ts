// The API documentation works under its Content-Security-Policy: swagger-ui renders every route,
// and the browser reports no blocked script, style or request.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { type Running, startAll } from '../ui/e2e/browser.ts';

let running: Running;
before(async () => {
  running = await startAll();
});
after(() => running?.close());

test('swagger-ui renders the OpenAPI document under the /api/docs policy', async () => {
  const page = await running.browser.newPage();
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  const answer = await page.goto(`${running.baseUrl}/api/docs`);
  assert.match(String(answer?.headers()['content-security-policy']), /default-src 'self'/);
  await page.locator('.opblock-summary-path').first().waitFor({ timeout: 30_000 });
  assert.ok((await page.locator('.opblock-summary-path').count()) >= 40, 'every route is listed');
  assert.deepEqual(violations, []);
  await page.close();
});
