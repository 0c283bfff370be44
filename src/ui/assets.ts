// Static assets, served by the application itself (no CDN, so the CSP can stay 'self'): GOV.UK
// Frontend's compiled CSS and JS from node_modules, and Confiance's own small files. Everything is
// read and prepared once at start; URLs carry a content hash so browsers may cache them for a year.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const govukDir = join(dirname(createRequire(import.meta.url).resolve('govuk-frontend/package.json')), 'dist', 'govuk');

/** A system font stack: GDS Transport is the UK government's typeface and not ours to use. */
export const FONT_STACK = 'system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Liberation Sans",sans-serif';

export function neutralGovukCss(css: string): string {
  const out = css
    .replace(/@font-face\{[^}]*GDS Transport[^}]*\}/g, '')
    .replace(/font-family:\s*"?GDS Transport"?,\s*arial,\s*sans-serif/g, `font-family:${FONT_STACK}`)
    .replace(/\/\*# sourceMappingURL=[^*]*\*\//g, '');
  if (out.includes('GDS Transport')) throw new Error('govuk-frontend CSS still names GDS Transport: update neutralGovukCss');
  return out;
}

interface Asset {
  readonly body: Buffer;
  readonly type: string;
  readonly hash: string;
}

const hashOf = (body: Buffer) => createHash('sha256').update(body).digest('hex').slice(0, 12);
const asset = (body: string | Buffer, type: string): Asset => {
  const buffer = Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8');
  return { body: buffer, type, hash: hashOf(buffer) };
};

const govukJs = asset(
  readFileSync(join(govukDir, 'govuk-frontend.min.js'), 'utf8').replace(/\/\/# sourceMappingURL=\S+\s*$/, ''),
  'text/javascript; charset=utf-8',
);

const ASSETS: ReadonlyMap<string, Asset> = new Map([
  ['govuk-frontend.css', asset(neutralGovukCss(readFileSync(join(govukDir, 'govuk-frontend.min.css'), 'utf8')), 'text/css; charset=utf-8')],
  ['govuk-frontend.js', govukJs],
  // A file, not an inline script: the CSP allows scripts from 'self' only. Module scripts run only
  // in browsers GOV.UK Frontend supports, which is what the govuk-frontend-supported class says.
  ['init.js', asset(
    `import { initAll } from './govuk-frontend.js?v=${govukJs.hash}';\n` +
      `document.body.classList.add('js-enabled', 'govuk-frontend-supported');\n` +
      'initAll();\n',
    'text/javascript; charset=utf-8',
  )],
  ['app.css', asset(readFileSync(join(here, 'static', 'app.css')), 'text/css; charset=utf-8')],
  ['favicon.svg', asset(readFileSync(join(here, 'static', 'favicon.svg')), 'image/svg+xml')],
]);

export const findAsset = (name: string): Asset | undefined => ASSETS.get(name);

export function assetUrl(name: string): string {
  const found = ASSETS.get(name);
  if (!found) throw new Error(`unknown asset ${name}`);
  return `/assets/${name}?v=${found.hash}`;
}

/** The bytes a page pulls in besides its HTML (for the page-weight figure). */
export const assetBytes = (): number => [...ASSETS.values()].reduce((sum, a) => sum + a.body.length, 0);
