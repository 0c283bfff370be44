// One request of the register: what it asks and its persons, the live assessment, matching each
// person to a file, the preview of exactly what would leave (and what is withheld, and why), the
// signature with its confirmation step, and the refusal or return letters. Every action is a form
// posted to a use case that checks the right again and logs it; these pages only offer what the
// viewer's rights and the request's state allow.
import type { LetterView } from '../../app/requests/letter-parts.ts';
import type { RequestDetail } from '../../app/requests/read-request.ts';
import type { RegisterRights } from '../../app/requests/register-rights.ts';
import type { PersonSummary } from '../../adapters/db/stores/search-store.ts';
import { LETTER_TEXTS } from '../../domain/requests/letter-texts.ts';
import type { Assessment, ItemAssessment, Signatory } from '../../domain/requests/assess.ts';
import { closingGrounds } from '../../domain/requests/letter-content.ts';
import { closingAllowed, preparationBlocker } from '../../domain/requests/register-state.ts';
import type { Role } from '../../domain/roles.ts';
import {
  backLink, button, checkboxes, csrfField, errorSummary, type FieldErrors, insetText, linkButton, radios, summaryCard, summaryList,
  table, tag, textarea, warningText,
} from '../components.ts';
import { formatNiss } from '../format.ts';
import { type Html, html, join } from '../html.ts';
import type { Translator } from '../i18n/index.ts';
import type { RequestDone } from '../i18n/types.ts';
import type { Page } from '../layout.ts';
import { authorText, categoryData, dueDate, itemCards, problemText, requestTitle, stateTag } from './request-parts.ts';

type Done = RequestDone;
export const DONE: readonly Done[] = ['recorded', 'assessed', 'matched', 'prepared', 'signed', 'sent', 'refused', 'returned', 'completed'];

export interface Viewing {
  readonly csrfToken: string;
  readonly userId: string;
  readonly roles: readonly Role[];
  readonly rights: RegisterRights;
  /** Display names of the staff the page mentions, by user id. */
  readonly names: ReadonlyMap<string, string>;
}

const nameOf = (v: Viewing, userId: string | null) => (userId ? (v.names.get(userId) ?? '') : '');
const postButton = (v: Viewing, action: string, text: string, secondary = false) =>
  html`<form method="post" action="${action}" class="app-inline-action">${csrfField(v.csrfToken)}${button(text, { secondary })}</form>`;
const banner = (t: Translator, done: Done | null) => (done ? { title: t.t('common.success'), text: t.t(`req.done.${done}`), success: true } : null);

const givenSubject = (t: Translator, s: { givenName: string | null; givenNiss: string | null; givenBirthDate: string | null }) =>
  join([s.givenName, s.givenNiss ? formatNiss(s.givenNiss) : null, s.givenBirthDate ? t.t('req.bornOn', { date: t.date(s.givenBirthDate) }) : null]
    .filter((x): x is string => Boolean(x)), html`<br>`);

/** The next steps this viewer can take on this request, as buttons. */
function actions(t: Translator, r: RequestDetail, v: Viewing, onAssessment = false): Html | '' {
  const id = r.requestId;
  const out: Html[] = [];
  const a = r.assessment;
  if (v.rights.manage && ['received', 'assessed', 'legal-review', 'prepared'].includes(r.state)) {
    out.push(postButton(v, `/requests/${id}/assess`, a ? t.t('req.reassess') : t.t('req.assess'), Boolean(a)));
  }
  if (a && !onAssessment) out.push(linkButton(`/requests/${id}/assessment`, t.t('req.seeAssessment'), true));
  if (v.rights.manage && a && (r.state === 'assessed' || r.state === 'prepared')
    && preparationBlocker(a, r.subjects.map((s) => s.matchState)) === null) {
    out.push(postButton(v, `/requests/${id}/prepare`, r.state === 'prepared' ? t.t('req.prepareAgain') : t.t('req.prepare'), r.state === 'prepared'));
  }
  if (r.letter) out.push(linkButton(`/requests/${id}/letter`, r.letter.kind === 'answer' && !r.letter.signedAt ? t.t('req.seeDraft') : t.t('req.seeLetter'), r.state !== 'prepared'));
  if (v.rights.sign) {
    for (const [event, path, label] of [['refuse', 'refuse', 'req.refuse'], ['return', 'return', 'req.return']] as const) {
      if (closingAllowed(r.state, a, event)) out.push(linkButton(`/requests/${id}/${path}`, t.t(label), true));
    }
  }
  // A returned request comes back completed: the register records it on the same entry.
  if (v.rights.manage && r.state === 'returned-for-completion') out.push(linkButton(`/requests/${id}/completion`, t.t('req.complete')));
  if (r.letter?.signedAt) out.push(html`<a class="govuk-button govuk-button--secondary" data-module="govuk-button" href="/requests/${id}/letter.pdf" download>${t.t('req.downloadPdf')}</a>`);
  if (v.rights.manage && r.letter?.signedAt && !r.letter.sentAt) out.push(postButton(v, `/requests/${id}/sent`, t.t('req.markSent')));
  return out.length > 0 ? html`<div class="govuk-button-group">${out}</div>` : '';
}

/** Why the answer cannot be prepared yet, in words, when the assessment says answer. */
function nextStepNote(t: Translator, r: RequestDetail): Html | '' {
  const a = r.assessment;
  if (!a) return r.state === 'received' ? insetText(t.t('req.next.assess')) : '';
  if (r.state === 'legal-review') return insetText(t.t('req.next.legalReview'));
  if (r.state !== 'assessed') return '';
  if (a.outcome === 'refuse') return insetText(t.t('req.next.refuse'));
  if (a.outcome === 'return-for-completion') return insetText(t.t('req.next.return'));
  if (r.subjects.some((s) => s.matchState === 'unmatched')) return insetText(t.t('req.next.match'));
  return insetText(t.t('req.next.prepare'));
}

export function requestPage(t: Translator, r: RequestDetail, v: Viewing, done: Done | null): Page {
  const title = requestTitle(t, r);
  // Files are searched only for a request that qualifies: for any other, nobody needs to learn
  // whether the person named is known to the CPAS (being a beneficiary is itself secret).
  const canMatch = v.rights.manage && r.state === 'assessed' && r.assessment?.outcome === 'answer';
  const matchState = (s: RequestDetail['subjects'][number]) => s.matchState === 'matched'
    ? html`${tag(t.t('match.matched'), 'green')}<br><span class="govuk-body-s app-meta">${t.t('match.by', { name: nameOf(v, s.matchedBy), date: s.matchedAt ? t.dateTime(s.matchedAt) : '' })}</span>`
    : s.matchState === 'no-file' ? tag(t.t('match.noFile'), 'grey') : tag(t.t('match.unmatched'), 'yellow');
  const letter = r.letter;
  return {
    title,
    nav: 'register',
    banner: banner(t, done),
    beforeContent: backLink('/requests', t.t('req.backToRegister')),
    content: html`<span class="govuk-caption-l">${t.t('req.caption')}</span>
<h1 class="govuk-heading-l">${title}</h1>
${summaryList([
      { key: t.t('register.state'), value: stateTag(t, r.state) },
      { key: t.t('register.due'), value: html`${dueDate(t, r.dueOn, r.overdue)}<br><span class="govuk-body-s app-meta">${r.answerBy ? t.t('req.dueFromRequest') : t.t('req.dueFromDelay')}</span>` },
      // One state, one next step: the assessment's outcome is shown only while it is the next step
      // (state "assessed"); in legal review, signed or sent, the state says where the request is.
      ...(r.assessment && r.state === 'assessed' ? [{ key: t.t('req.outcome'), value: t.t(`reqOutcome.${r.assessment.outcome}`) }] : []),
    ])}
${nextStepNote(t, r)}
${actions(t, r, v)}
<h2 class="govuk-heading-m">${t.t('req.asked')}</h2>
${summaryList([
      { key: t.t('intake.authorRole'), value: t.t(`authorRole.${r.authorRole}`) },
      { key: t.t('intake.authorName'), value: r.authorName ?? t.t('common.notRecorded') },
      { key: t.t('intake.authorOffice'), value: r.authorOffice ?? t.t('common.notRecorded') },
      { key: t.t('intake.channel'), value: t.t(`reqChannel.${r.channel}`) },
      { key: t.t('intake.reference'), value: r.reference ?? t.t('common.notRecorded') },
      { key: t.t('intake.dated'), value: t.date(r.dated) },
      { key: t.t('intake.received'), value: t.date(r.received) },
      { key: t.t('intake.reasoned'), value: r.reasoned ? t.t('common.yes') : t.t('common.no') },
      ...(r.reasonsText ? [{ key: t.t('intake.reasonsText'), value: html`<div class="app-record__text">${r.reasonsText}</div>` }] : []),
      { key: t.t('intake.offences'), value: r.offences.length > 0 ? r.offences.join(', ') : t.t('req.noneCited') },
      { key: t.t('intake.items'), value: r.items.length > 0 ? html`<ul class="govuk-list">${r.items.map((i) => html`<li>${t.t(`category.${i}`)}</li>`)}</ul>` : t.t('req.noneCited') },
      { key: t.t('req.recordedBy'), value: t.t('req.recordedByValue', { name: nameOf(v, r.createdBy), date: t.dateTime(r.createdAt) }) },
    ])}
<h2 class="govuk-heading-m">${t.t('req.subjects')}</h2>
${r.subjects.length === 0
      ? html`<p class="govuk-body">${t.t('req.noSubjects')}</p>`
      : table({
        caption: t.t('req.subjects'),
        captionClass: 'govuk-visually-hidden',
        head: [t.t('req.subjectN'), t.t('req.asGiven'), t.t('req.file'), ...(canMatch ? [t.t('person.actions')] : [])],
        rows: r.subjects.map((s) => [
          t.t('intake.subject', { n: s.position }),
          givenSubject(t, s),
          matchState(s),
          ...(canMatch ? [html`<a class="govuk-link" href="/requests/${r.requestId}/subjects/${s.position}">${s.matchState === 'unmatched' ? t.t('match.find') : t.t('match.change')}<span class="govuk-visually-hidden"> ${t.t('intake.subject', { n: s.position })}</span></a>`] : []),
        ]),
      })}
${r.attachments.length > 0 ? html`<h2 class="govuk-heading-m">${t.t('req.scannedLetter')}</h2>
<ul class="govuk-list">${r.attachments.map((f) => html`<li><a class="govuk-link" href="/requests/${r.requestId}/attachments/${f.attachmentId}" download>${f.fileName}</a> <span class="app-meta">(${t.number(Math.max(1, Math.round(f.sizeBytes / 1024)))} kB)</span></li>`)}</ul>` : ''}
${letter ? html`<h2 class="govuk-heading-m">${t.t('req.letter')}</h2>
${summaryList([
      { key: t.t('field.kind'), value: t.t(`letterKind.${letter.kind as 'answer'}`) },
      { key: t.t('letter.preparedBy'), value: t.t('req.recordedByValue', { name: nameOf(v, letter.preparedBy), date: t.dateTime(letter.preparedAt) }) },
      { key: t.t('letter.signedBy'), value: letter.signedAt ? t.t('letter.signedByValue', { name: nameOf(v, letter.signedBy), role: t.t(`role.${letter.signatoryRole as Signatory}`), date: t.dateTime(letter.signedAt) }) : t.t('letter.notSigned') },
      { key: t.t('letter.sentAt'), value: letter.sentAt ? t.dateTime(letter.sentAt) : t.t('letter.notSent') },
      { key: t.t('letter.sha'), value: html`<code class="app-hash">${letter.sha256}</code>` },
    ])}` : ''}
<h2 class="govuk-heading-m">${t.t('req.history')}</h2>
${table({
      caption: t.t('req.history'),
      captionClass: 'govuk-visually-hidden',
      head: [t.t('req.when'), t.t('register.state'), t.t('req.who')],
      // Comments are the software's own notes, except the legal service's reasons for closing a request.
      rows: r.history.map((h) => [
        t.dateTime(h.changedAt),
        html`${stateTag(t, h.toState)}${h.fromState === 'legal-review' && h.comment && ['refused', 'returned-for-completion'].includes(h.toState) ? html`<div class="govuk-body-s app-record__text">${h.comment}</div>` : ''}`,
        nameOf(v, h.changedBy),
      ]),
    })}`,
  };
}

export function assessmentPage(t: Translator, r: RequestDetail & { assessment: Assessment }, v: Viewing, done: Done | null): Page {
  const a = r.assessment;
  const title = t.t('assessment.title');
  return {
    title: `${title} – ${requestTitle(t, r)}`,
    nav: 'register',
    banner: banner(t, done),
    beforeContent: backLink(`/requests/${r.requestId}`, t.t('req.backToRequest')),
    content: html`<span class="govuk-caption-l">${requestTitle(t, r)}</span>
<h1 class="govuk-heading-l">${title}</h1>
<div class="app-outcome app-outcome--${a.outcome}">
  <h2 class="govuk-heading-m">${t.t('assessment.outcome')} ${t.t(`reqOutcome.${a.outcome}`)}</h2>
  <p class="govuk-body">${t.t(`assessment.outcomeText.${a.outcome}`)}</p>
</div>
${a.secrecyOfMeasure ? warningText(t.t('assessment.secrecy'), t.t('common.important')) : ''}
${a.problems.length > 0 ? html`<h2 class="govuk-heading-m">${t.t('assessment.problems')}</h2>
<p class="govuk-body">${t.t('assessment.problemsIntro')}</p>
<ol class="govuk-list govuk-list--number app-problems">${a.problems.map((p) => html`<li>${problemText(t, p)}</li>`)}</ol>` : ''}
<h2 class="govuk-heading-m">${t.t('assessment.items')}</h2>
${a.items.length === 0 ? html`<p class="govuk-body">${t.t('req.noneCited')}</p>` : itemCards(t, a, a.items, 'item')}
<h2 class="govuk-heading-m">${t.t('assessment.signatories')}</h2>
<p class="govuk-body">${t.t('assessment.signatoriesIntro')}</p>
<ul class="govuk-list govuk-list--bullet">${a.signatories.map((s) => html`<li>${t.t(`role.${s}`)}</li>`)}</ul>
<h2 class="govuk-heading-m">${t.t('assessment.decidedBy')}</h2>
${summaryList([
      { key: t.t('assessment.configuration'), value: html`<span lang="fr">${a.configuration.id}</span>${r.assessmentSettingsVersion ? ` (${t.t('assessment.version', { version: r.assessmentSettingsVersion })})` : ` (${t.t('assessment.defaults')})`}` },
      { key: t.t('assessment.catalogue'), value: a.configuration.offenceCatalogue ?? t.t('common.notRecorded') },
      { key: t.t('assessment.assessedBy'), value: r.assessedAt ? t.t('req.recordedByValue', { name: nameOf(v, r.assessedBy), date: t.dateTime(r.assessedAt) }) : '' },
    ])}
${actions(t, r, v, true)}`,
  };
}

export interface MatchView {
  readonly requestId: string;
  readonly title: string;
  readonly subject: RequestDetail['subjects'][number];
  readonly criteria: readonly string[];
  readonly candidates: readonly PersonSummary[];
  readonly errors: FieldErrors;
  readonly csrfToken: string;
}

export function matchPage(t: Translator, view: MatchView): Page {
  const { subject } = view;
  const heading = t.t('match.title', { n: subject.position });
  const current = subject.matchState === 'matched' ? (subject.personId ?? undefined) : subject.matchState === 'no-file' ? 'none' : undefined;
  const items = [
    ...view.candidates.map((c) => ({
      value: c.personId,
      text: `${c.familyName}, ${c.givenNames}`,
      hint: [c.birthDate ? t.t('req.bornOn', { date: t.date(c.birthDate) }) : null, c.niss ? `${t.t('person.niss')} ${formatNiss(c.niss)}` : null].filter(Boolean).join(' · '),
    })),
    { value: 'none', text: t.t('match.none'), hint: t.t('match.noneHint') },
  ];
  return {
    title: heading,
    nav: 'register',
    hasErrors: Object.keys(view.errors).length > 0,
    beforeContent: backLink(`/requests/${view.requestId}`, t.t('req.backToRequest')),
    content: html`<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
  ${errorSummary(t.t('common.errorSummary'), view.errors)}
  <span class="govuk-caption-l">${view.title}</span>
  <h1 class="govuk-heading-l">${heading}</h1>
  ${summaryCard({ title: t.t('match.asGiven'), headingLevel: 2, rows: [
      { key: t.t('intake.subjectName'), value: subject.givenName ?? t.t('common.notRecorded') },
      { key: t.t('intake.subjectNiss'), value: subject.givenNiss ? formatNiss(subject.givenNiss) : t.t('common.notRecorded') },
      { key: t.t('intake.subjectBirthDate'), value: subject.givenBirthDate ? t.date(subject.givenBirthDate) : t.t('common.notRecorded') },
    ] })}
  <p class="govuk-body">${t.t(view.criteria.includes('niss') ? 'match.byNiss' : 'match.byName')} ${t.plural('match.found', view.candidates.length)}</p>
  ${warningText(t.t('match.warning'), t.t('common.important'))}
  <form method="post" action="/requests/${view.requestId}/subjects/${subject.position}" novalidate>
    ${csrfField(view.csrfToken)}
    ${radios({ id: 'personId', name: 'personId', legend: t.t('match.question'), items, value: current, error: view.errors.personId?.message, errorPrefix: t.t('title.error') })}
    ${button(t.t('match.submit'))}
  </form>
</div></div>`,
  };
}

/** The person named, then the data of each disclosed item: exactly what the letter will carry. */
function disclosedData(t: Translator, view: LetterView): Html {
  if (view.content.kind !== 'answer') return html``;
  const texts = LETTER_TEXTS[t.lang];
  return join(view.content.subjects.map((s) => html`<section class="app-subject-data" aria-labelledby="subject-${s.position}">
  <h3 class="govuk-heading-m" id="subject-${s.position}">${t.t('intake.subject', { n: s.position })}</h3>
  <p class="govuk-body">${givenSubject(t, { givenName: s.asGiven.name, givenNiss: s.asGiven.niss, givenBirthDate: s.asGiven.birthDate })}</p>
  ${s.file === 'none'
    ? insetText(texts.noFile)
    : join(view.disclosed.map((item) => html`<h4 class="govuk-heading-s">${t.t(`category.${item.item}`)}</h4>${categoryData(t, s.data[item.item])}`))}
</section>`));
}

export function letterPage(t: Translator, view: LetterView, r: Pick<RequestDetail, 'reference' | 'dated' | 'assessment' | 'state'>, v: Viewing, done: Done | null): Page {
  const c = view.content;
  const signed = view.signedAt !== null;
  const title = c.kind === 'answer' ? (signed ? t.t('letter.signedTitle') : t.t('letter.draftTitle')) : t.t(`letterKind.${c.kind}`);
  const assessment = r.assessment ?? { outcome: 'answer' as const, problems: [] };
  const canSign = c.kind === 'answer' && !signed && v.rights.sign;
  const preparedByMe = view.preparedBy === v.userId;
  const texts = LETTER_TEXTS[t.lang];
  return {
    title: `${title} – ${requestTitle(t, r)}`,
    nav: 'register',
    banner: banner(t, done),
    beforeContent: backLink(`/requests/${view.requestId}`, t.t('req.backToRequest')),
    content: html`<span class="govuk-caption-l">${requestTitle(t, r)}</span>
<h1 class="govuk-heading-l">${title}</h1>
${c.kind === 'answer' && !signed ? warningText(t.t('letter.draftWarning'), t.t('common.important')) : ''}
${summaryList([
      { key: t.t('letter.preparedBy'), value: t.t('req.recordedByValue', { name: nameOf(v, view.preparedBy), date: t.dateTime(view.preparedAt) }) },
      { key: t.t('letter.signedBy'), value: view.signedAt ? t.t('letter.signedByValue', { name: nameOf(v, view.signedBy), role: t.t(`role.${view.signatoryRole as Signatory}`), date: t.dateTime(view.signedAt) }) : t.t('letter.notSigned') },
      { key: t.t('letter.sentAt'), value: view.sentAt ? t.dateTime(view.sentAt) : t.t('letter.notSent') },
      { key: t.t('letter.language'), value: t.t(`letterLanguage.${c.language}`) },
      { key: t.t('letter.sha'), value: html`<code class="app-hash">${view.sha256}</code>` },
    ])}
<div class="govuk-button-group">
  <a class="govuk-button govuk-button--secondary" data-module="govuk-button" href="/requests/${view.requestId}/letter.pdf" download>${signed ? t.t('req.downloadPdf') : t.t('letter.downloadDraft')}</a>
</div>
${c.kind === 'answer' ? html`<h2 class="govuk-heading-l">${t.t('letter.leaves')}</h2>
<p class="govuk-body">${t.t('letter.leavesIntro')}</p>
${view.disclosed.length === 0 ? html`<p class="govuk-body">${t.t('letter.nothingLeaves')}</p>` : html`<ul class="govuk-list govuk-list--bullet">${view.disclosed.map((i) => html`<li>${t.t(`category.${i.item}`)}</li>`)}</ul>
${disclosedData(t, view)}`}
<h2 class="govuk-heading-l">${t.t('letter.withheld')}</h2>
${view.withheld.length === 0 ? html`<p class="govuk-body">${t.t('letter.nothingWithheld')}</p>` : itemCards(t, assessment, view.withheld, 'withheld')}` : html`<h2 class="govuk-heading-m">${t.t('letter.grounds')}</h2>
<ul class="govuk-list govuk-list--bullet">${c.grounds.map((g) => html`<li>${texts.grounds[g]}</li>`)}</ul>`}
${canSign && !preparedByMe ? html`<h2 class="govuk-heading-m">${t.t('sign.heading')}</h2>
<p class="govuk-body">${t.t('sign.intro')}</p>
<form method="post" action="/requests/${view.requestId}/sign/confirm">${csrfField(v.csrfToken)}<input type="hidden" name="sha256" value="${view.sha256}">${button(t.t('sign.toConfirmation'))}</form>` : ''}
${canSign && preparedByMe ? insetText(t.t('sign.fourEyes')) : ''}
${c.kind === 'answer' && !signed && !v.rights.sign ? insetText(t.t('sign.onlySignatories')) : ''}`,
  };
}

export interface SignView {
  readonly requestId: string;
  readonly request: Pick<RequestDetail, 'reference' | 'dated' | 'authorRole' | 'authorName' | 'authorOffice' | 'subjects'>;
  readonly sha256: string;
  readonly items: readonly ItemAssessment[];
  readonly roles: readonly Signatory[];
  readonly errors: FieldErrors;
  readonly csrfToken: string;
}

const roleChoice = (t: Translator, roles: readonly Signatory[], errors: FieldErrors) => roles.length > 1
  ? radios({ id: 'role', name: 'role', legend: t.t('sign.role'), items: roles.map((r) => ({ value: r, text: t.t(`role.${r}`) })), error: errors.role?.message, errorPrefix: t.t('title.error'), small: true })
  : html`<input type="hidden" name="role" value="${roles[0] ?? ''}">`;

/** The confirmation step: what the signature commits the CPAS to, and an explicit tick. */
export function signPage(t: Translator, view: SignView): Page {
  const disclosed = view.items.filter((i) => i.decision === 'disclose');
  const withheld = view.items.filter((i) => i.decision !== 'disclose');
  const found = view.request.subjects.filter((s) => s.matchState === 'matched').length;
  return {
    title: t.t('sign.title'),
    nav: 'register',
    hasErrors: Object.keys(view.errors).length > 0,
    beforeContent: backLink(`/requests/${view.requestId}/letter`, t.t('sign.backToDraft')),
    content: html`<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
  ${errorSummary(t.t('common.errorSummary'), view.errors)}
  <span class="govuk-caption-l">${requestTitle(t, view.request)}</span>
  <h1 class="govuk-heading-l">${t.t('sign.title')}</h1>
  ${summaryList([
      { key: t.t('sign.to'), value: authorText(t, { role: view.request.authorRole, name: view.request.authorName, office: view.request.authorOffice }) },
      { key: t.t('sign.persons'), value: t.t('sign.personsValue', { named: view.request.subjects.length, found }) },
      { key: t.t('letter.leaves'), value: disclosed.length > 0 ? html`<ul class="govuk-list">${disclosed.map((i) => html`<li>${t.t(`category.${i.item}`)}</li>`)}</ul>` : t.t('letter.nothingLeaves') },
      { key: t.t('letter.withheld'), value: withheld.length > 0 ? html`<ul class="govuk-list">${withheld.map((i) => html`<li>${t.t(`category.${i.item}`)}</li>`)}</ul>` : t.t('letter.nothingWithheld') },
      { key: t.t('letter.sha'), value: html`<code class="app-hash">${view.sha256}</code>` },
    ])}
  ${warningText(t.t('sign.final'), t.t('common.important'))}
  <form method="post" action="/requests/${view.requestId}/sign" novalidate>
    ${csrfField(view.csrfToken)}
    <input type="hidden" name="sha256" value="${view.sha256}">
    ${roleChoice(t, view.roles, view.errors)}
    ${checkboxes({ id: 'confirm', name: 'confirm', legend: t.t('sign.confirmLegend'), items: [{ value: 'yes', text: t.t('sign.confirm') }], values: [], error: view.errors.confirm?.message, errorPrefix: t.t('title.error') })}
    <div class="govuk-button-group">
      ${button(t.t('sign.submit'))}
      <a class="govuk-link" href="/requests/${view.requestId}/letter">${t.t('common.cancel')}</a>
    </div>
  </form>
</div></div>`,
  };
}

export interface CloseView {
  readonly requestId: string;
  readonly kind: 'refuse' | 'return';
  readonly request: Pick<RequestDetail, 'reference' | 'dated' | 'state' | 'assessment'>;
  readonly roles: readonly Signatory[];
  readonly comment: string;
  readonly errors: FieldErrors;
  readonly csrfToken: string;
}

/** A refusal or a return for completion: the grounds the letter will give, and the signature. */
export function closePage(t: Translator, view: CloseView): Page {
  const title = view.kind === 'refuse' ? t.t('close.refuseTitle') : t.t('close.returnTitle');
  const byLegalService = view.request.state === 'legal-review';
  const grounds = closingGrounds(view.request.assessment, view.kind === 'refuse' ? 'refusal' : 'return-for-completion', byLegalService);
  const texts = LETTER_TEXTS[t.lang];
  const errorPrefix = t.t('title.error');
  return {
    title,
    nav: 'register',
    hasErrors: Object.keys(view.errors).length > 0,
    beforeContent: backLink(`/requests/${view.requestId}`, t.t('req.backToRequest')),
    content: html`<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
  ${errorSummary(t.t('common.errorSummary'), view.errors)}
  <span class="govuk-caption-l">${requestTitle(t, view.request)}</span>
  <h1 class="govuk-heading-l">${title}</h1>
  <p class="govuk-body">${t.t('close.intro')}</p>
  <h2 class="govuk-heading-m">${t.t('letter.grounds')}</h2>
  <ul class="govuk-list govuk-list--bullet">${grounds.map((g) => html`<li>${texts.grounds[g]}</li>`)}</ul>
  ${insetText(t.t('close.nothingSaid'))}
  <form method="post" action="/requests/${view.requestId}/${view.kind}" novalidate>
    ${csrfField(view.csrfToken)}
    ${textarea({ id: 'comment', name: 'comment', label: byLegalService ? t.t('close.comment') : t.t('close.commentOptional'), hint: t.t('close.commentHint'), value: view.comment, error: view.errors.comment?.message, errorPrefix, rows: 4 })}
    ${roleChoice(t, view.roles, view.errors)}
    ${warningText(t.t('close.final'), t.t('common.important'))}
    ${checkboxes({ id: 'confirm', name: 'confirm', legend: t.t('sign.confirmLegend'), items: [{ value: 'yes', text: t.t('close.confirm') }], values: [], error: view.errors.confirm?.message, errorPrefix })}
    <div class="govuk-button-group">
      ${button(view.kind === 'refuse' ? t.t('close.refuseSubmit') : t.t('close.returnSubmit'))}
      <a class="govuk-link" href="/requests/${view.requestId}">${t.t('common.cancel')}</a>
    </div>
  </form>
</div></div>`,
  };
}
