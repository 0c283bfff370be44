// Horizontal bar charts drawn on the server as SVG: no chart library, no script, nothing for the
// browser to run. Each chart is an image with a title and a description, and every page shows the
// same figures as a table beside it, so a screen reader or a printout loses nothing.
//
// A suppressed count ("< 5", "≥ 5") has no bar: a bar's length would give back the number the
// suppression hides. It is written as text where its bar would be.
import { type Html, html, join } from './html.ts';

export interface Bar {
  readonly label: string;
  /** Null: suppressed; `text` says how ("< 5"). */
  readonly value: number | null;
  readonly text: string;
}

const WIDTH = 640;
const LABEL_WIDTH = 260;
const ROW = 28;
const BAR = 18;
const PLOT = WIDTH - LABEL_WIDTH - 70;

/** `id` makes the title and description referable (aria-labelledby): unique within the page. */
export function barChart(chart: { id: string; title: string; description: string; bars: readonly Bar[] }): Html {
  const max = Math.max(1, ...chart.bars.map((b) => b.value ?? 0));
  const height = chart.bars.length * ROW + 8;
  const rows = chart.bars.map((bar, i) => {
    const y = 4 + i * ROW;
    const length = bar.value === null ? 0 : Math.round((bar.value / max) * PLOT);
    const textX = LABEL_WIDTH + length + 6;
    return html`<g>
  <text x="${LABEL_WIDTH - 8}" y="${y + BAR - 4}" text-anchor="end" class="app-chart__label">${bar.label}</text>
  ${length > 0 ? html`<rect x="${LABEL_WIDTH}" y="${y}" width="${length}" height="${BAR}" class="app-chart__bar"></rect>` : ''}
  <text x="${textX}" y="${y + BAR - 4}" class="app-chart__value">${bar.text}</text>
</g>`;
  });
  return html`<svg class="app-chart" role="img" aria-labelledby="${chart.id}-title ${chart.id}-desc" viewBox="0 0 ${WIDTH} ${height}" width="100%" preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg">
<title id="${chart.id}-title">${chart.title}</title>
<desc id="${chart.id}-desc">${chart.description}</desc>
${join(rows)}
</svg>`;
}
