// The guide's pages. Every role may use them. Everything is POSTed: the answers travel in the
// form, nothing is kept on the server and nothing appears in an address (the only id in one is
// the file's, when the guide is opened from it). Consulting the guide touches no personal data, so
// it writes no access-log entry; recording what was done does (record-disclosure.ts).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { assessGuideFor } from '../../app/guide/assess-guide.ts';
import { readDisclosureStatistics } from '../../app/guide/disclosure-statistics.ts';
import { mayRecordDisclosure, recordDisclosure } from '../../app/guide/record-disclosure.ts';
import { mayPerform } from '../../domain/access-policy.ts';
import { DomainError, notFound } from '../../domain/errors.ts';
import type { GuideAnswer, GuideCondition } from '../../domain/guide/decide.ts';
import { RECORD_GROUNDS, RECORD_OUTCOMES } from '../../domain/guide/disclosure-record.ts';
import type { Counterpart } from '../../domain/guide/vocabulary.ts';
import { calendarDateDefect, todayIn } from '../../domain/calendar-date.ts';
import type { DateParts, FieldError } from '../components.ts';
import { asForm, dateParts, formList, formText, isoFromParts, partsFromIso, type FormBody } from '../forms.ts';
import {
  QUESTIONS, answersBefore, lastAnswered, nextQuestion, readAnswers, readChoice, readItems, toGuideInput, withoutInapplicable,
  type Answers, type QuestionId,
} from '../guide-flow.ts';
import type { Translator } from '../i18n/index.ts';
import { disclosuresPage, questionPage, recordForm, resultPage, type RecordValues } from '../pages/guide.ts';
import type { UiDeps } from '../plugin.ts';
import { seeOther, sendPage, sessionOf, uiOf } from '../request.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const isQuestion = (value: string): value is QuestionId => (QUESTIONS as readonly string[]).includes(value);

export function registerGuideRoutes(ui: FastifyInstance, { ctx }: UiDeps): void {
  const show = async (
    request: FastifyRequest, reply: FastifyReply, answers: Answers, personId: string | null,
    asked?: { question: QuestionId; error: FieldError } | null, record?: { values: RecordValues; errors: Record<string, FieldError> },
  ) => {
    const { t } = uiOf(request);
    const session = sessionOf(request);
    const context = { csrfToken: session.csrfToken, answers, personId };
    const question = asked?.question ?? nextQuestion(answers);
    if (question !== null) {
      return sendPage(request, reply, questionPage(t, { ...context, question, settingsLink: mayPerform(session.actor.roles, 'configure-guide'), ...(asked ? { error: asked.error } : {}) }), asked ? 400 : 200);
    }
    const answer = await assessGuideFor(ctx, session.actor, toGuideInput(answers), t.lang);
    // The record form only to those whose post would be allowed: the others get the answer, not a form they would fill in vain.
    const after = personId && recordable(answer) && await mayRecordDisclosure(ctx, session.actor, personId)
      ? recordForm(t, { ...context, values: record?.values ?? presetRecord(t, answer, answers, partsFromIso(todayIn(ctx.now))), errors: record?.errors ?? {} })
      : undefined;
    return sendPage(request, reply, resultPage(t, { ...context, answer, ...(after ? { after } : {}) }), record ? 400 : 200);
  };

  ui.get('/guide', async (request, reply) => show(request, reply, {}, null));

  ui.get('/persons/:personId/guide', async (request, reply) => {
    const personId = (request.params as { personId: string }).personId;
    if (!UUID.test(personId)) throw notFound('person');
    return show(request, reply, {}, personId);
  });

  ui.post('/guide', async (request, reply) => {
    const { t } = uiOf(request);
    const body: FormBody = asForm(request.body);
    const personIdField = formText(body, 'personId');
    const personId = UUID.test(personIdField) ? personIdField : null;
    let answers = readAnswers(body);
    const action = formText(body, 'action');
    if (action === 'previous') {
      const last = lastAnswered(answers);
      return show(request, reply, last ? answersBefore(answers, last) : {}, personId);
    }
    if (action.startsWith('change:')) {
      const question = action.slice('change:'.length);
      return show(request, reply, isQuestion(question) ? answersBefore(answers, question) : answers, personId);
    }
    const step = formText(body, 'step');
    if (isQuestion(step)) {
      const error = { id: step, message: t.t(step === 'items' ? 'guide.error.items' : 'guide.error.choose') };
      if (step === 'items') {
        const items = readItems(body, 'items');
        if (items.length === 0) return show(request, reply, answers, personId, { question: step, error });
        answers = { ...answers, items };
      } else {
        const value = readChoice(body, step);
        if (value === undefined) return show(request, reply, answersBefore(answers, step), personId, { question: step, error });
        // A changed answer reopens the questions after it: they may no longer apply, or mean something else.
        answers = withoutInapplicable({ ...answersBefore(answers, step), [step]: value });
      }
    }
    return show(request, reply, answers, personId);
  });

  ui.get('/guide/disclosures', async (request, reply) =>
    sendPage(request, reply, disclosuresPage(uiOf(request).t, await readDisclosureStatistics(ctx, sessionOf(request).actor))));

  ui.post('/persons/:personId/guide/record', async (request, reply) => {
    const { t } = uiOf(request);
    // The conditions of the answer these answers give under the CPAS configuration; none when the
    // form carries no complete questionnaire (nothing is then added to the note).
    const conditionsOf = async (answers: Answers) => {
      const input = toGuideInput(answers);
      return input === null ? [] : (await assessGuideFor(ctx, sessionOf(request).actor, input, t.lang)).conditions;
    };
    const personId = (request.params as { personId: string }).personId;
    if (!UUID.test(personId)) throw notFound('person');
    const body = asForm(request.body);
    const answers = readAnswers(body);
    const values: RecordValues = {
      outcome: formText(body, 'outcome'), ground: formText(body, 'ground'), disclosedOn: dateParts(body, 'disclosedOn'),
      recipient: formText(body, 'recipient'), shared: formText(body, 'shared'),
    };
    const errors = recordErrors(t, values);
    if (Object.keys(errors).length === 0) {
      try {
        await recordDisclosure(ctx, sessionOf(request).actor, personId, {
          outcome: values.outcome, ground: values.ground === 'none' ? null : values.ground,
          disclosedOn: isoFromParts(values.disclosedOn), recipient: values.recipient,
          shared: withCheckedConditions(t, values.shared, await conditionsOf(answers), formList(body, 'conditions')),
        });
        return seeOther(reply, `/persons/${personId}?saved=disclosure`);
      } catch (error) {
        // The use case's own checks (a date to come, a ground with a refusal): shown on the field.
        if (!(error instanceof DomainError) || error.code !== 'invalid-input' || !error.field) throw error;
        const id: RecordField = isRecordField(error.field) ? error.field : 'outcome';
        errors[id] = { id, message: t.t(`record.error.${id}`) };
      }
    }
    return show(request, reply, answers, personId, null, { values, errors });
  });
}

/** The conditions the worker ticked, in their words, after what was shared: "the conditions checked" of the note. */
function withCheckedConditions(t: Translator, shared: string, conditions: readonly GuideCondition[], ticked: readonly string[]): string {
  const checked = conditions.filter((c) => ticked.includes(c.code));
  return checked.length === 0 ? shared : `${shared}\n\n${t.t('record.conditionsChecked')}\n${checked.map((c) => `- ${c.text}`).join('\n')}`;
}

const RECORD_FIELDS = ['outcome', 'ground', 'disclosedOn', 'recipient', 'shared'] as const;
type RecordField = (typeof RECORD_FIELDS)[number];
const isRecordField = (field: string): field is RecordField => (RECORD_FIELDS as readonly string[]).includes(field);

/** A disclosure or a refusal worth noting; sharing with a colleague (G16) is the access log's business. */
const recordable = (answer: GuideAnswer) =>
  answer.rule !== 'G16' && (answer.answer === 'may-disclose' || answer.answer === 'must-assist' || answer.standardReply !== null);

function presetRecord(t: Translator, answer: GuideAnswer, answers: Answers, today: DateParts): RecordValues {
  const disclosed = answer.answer === 'may-disclose' || answer.answer === 'must-assist';
  const ground = answer.record.justification && (RECORD_GROUNDS as readonly string[]).includes(answer.record.justification) ? answer.record.justification : 'none';
  const who = answer.recipient === 'counterpart' || !disclosed ? t.t(`guide.counterpart.${answers.counterpart as Counterpart}`) : t.t(`guide.recipient.${answer.recipient}`);
  const items = disclosed ? answer.mayShare : (answers.items ?? []);
  return {
    outcome: disclosed ? 'disclosure' : 'refusal',
    ground: disclosed ? ground : 'none',
    disclosedOn: today,
    recipient: answers.danger === 'grave-and-current' && disclosed ? t.t('guide.recipient.emergency-services') : who,
    shared: items.map((item) => t.t(`guide.item.${item}`)).join(' ; '),
  };
}

function recordErrors(t: Translator, v: RecordValues): Record<string, FieldError> {
  const errors: Record<string, FieldError> = {};
  const fail = (id: RecordField) => {
    errors[id] = { id, message: t.t(`record.error.${id}`) };
  };
  if (!(RECORD_OUTCOMES as readonly string[]).includes(v.outcome)) fail('outcome');
  const groundOk = v.outcome === 'refusal' ? v.ground === 'none' : (RECORD_GROUNDS as readonly string[]).includes(v.ground);
  if (!groundOk) fail('ground');
  const iso = isoFromParts(v.disclosedOn);
  if (iso === undefined || calendarDateDefect(iso) !== null) fail('disclosedOn');
  if (v.recipient.trim() === '') fail('recipient');
  if (v.shared.trim() === '') fail('shared');
  return errors;
}
