// The guide's pages. Every role may use them. Everything is POSTed: the answers travel in the
// form, nothing is kept on the server and nothing appears in an address (the only id in one is
// the file's, when the guide is opened from it). Consulting the guide touches no personal data, so
// it writes no access-log entry; recording what was done does (record-disclosure.ts).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { assessGuideFor } from '../../app/guide/assess-guide.ts';
import { notFound } from '../../domain/errors.ts';
import type { FieldError } from '../components.ts';
import { asForm, formText, type FormBody } from '../forms.ts';
import {
  QUESTIONS, answersBefore, lastAnswered, nextQuestion, readAnswers, readChoice, readItems, toGuideInput, withoutInapplicable,
  type Answers, type QuestionId,
} from '../guide-flow.ts';
import { questionPage, resultPage } from '../pages/guide.ts';
import type { UiDeps } from '../plugin.ts';
import { sendPage, sessionOf, uiOf } from '../request.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const isQuestion = (value: string): value is QuestionId => (QUESTIONS as readonly string[]).includes(value);

export function registerGuideRoutes(ui: FastifyInstance, { ctx }: UiDeps): void {
  const show = async (request: FastifyRequest, reply: FastifyReply, answers: Answers, personId: string | null, asked?: { question: QuestionId; error: FieldError }) => {
    const { t } = uiOf(request);
    const session = sessionOf(request);
    const context = { csrfToken: session.csrfToken, answers, personId };
    const question = asked?.question ?? nextQuestion(answers);
    if (question !== null) {
      return sendPage(request, reply, questionPage(t, { ...context, question, ...(asked ? { error: asked.error } : {}) }), asked ? 400 : 200);
    }
    const answer = await assessGuideFor(ctx, session.actor, toGuideInput(answers), t.lang);
    return sendPage(request, reply, resultPage(t, { ...context, answer }));
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
}
