import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeHtml, html, join, raw } from './html.ts';

test('every interpolation is escaped', () => {
  const name = `<script>alert("x")</script>&'\``;
  assert.equal(html`<p>${name}</p>`.value, '<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;&#96;</p>');
});

test('an attribute value cannot be closed by data', () => {
  const value = '" onmouseover="steal()';
  assert.equal(html`<input value="${value}">`.value, '<input value="&quot; onmouseover=&quot;steal()">');
});

test('nested templates and raw() are kept as markup, strings inside them still escaped', () => {
  const inner = html`<b>${'<i>'}</b>`;
  assert.equal(html`<p>${inner}${raw('<br>')}</p>`.value, '<p><b>&lt;i&gt;</b><br></p>');
});

test('arrays render each item; null, undefined and false render nothing', () => {
  assert.equal(html`<ul>${['a<', html`<li>b</li>`]}</ul>`.value, '<ul>a&lt;<li>b</li></ul>');
  assert.equal(html`${null}${undefined}${false}${0}`.value, '0');
});

test('join escapes its separator and plain items', () => {
  assert.equal(join(['<a>', html`<b></b>`], ' & ').value, '&lt;a&gt; &amp; <b></b>');
});

test('escapeHtml leaves ordinary text alone', () => {
  assert.equal(escapeHtml('Dossier de Marie Dubois – 1 631,31 €'), 'Dossier de Marie Dubois – 1 631,31 €');
});
