// Users and roles: the list of the CPAS's staff and adding an account (directeur général and IT
// administrator, as the policy's 'manage-users' operation says).
import type { FastifyInstance } from 'fastify';
import { addStaffUser, listStaffUsers } from '../../app/manage-staff.ts';
import { DomainError } from '../../domain/errors.ts';
import { userInput } from '../../domain/schemas.ts';
import { asForm, fieldErrors, formList, formText } from '../forms.ts';
import { newUserPage, usersPage } from '../pages/users.ts';
import type { UiDeps } from '../plugin.ts';
import { seeOther, sendPage, sessionOf, uiOf, urlText } from '../request.ts';

export function registerStaffRoutes(ui: FastifyInstance, { ctx }: UiDeps): void {
  ui.get('/users', async (request, reply) => {
    const { t, profile } = uiOf(request);
    const users = await listStaffUsers(ctx, sessionOf(request).actor);
    return sendPage(request, reply, usersPage(t, { cpasName: profile!.cpas.name, cpasCode: profile!.cpas.code, users, added: urlText(request, 'query', 'added') === '1' }));
  });

  ui.get('/users/new', async (request, reply) => {
    const { t, profile } = uiOf(request);
    // The list use case checks the operation (and logs a refusal) before the form is shown.
    await listStaffUsers(ctx, sessionOf(request).actor);
    return sendPage(request, reply, newUserPage(t, {
      csrfToken: sessionOf(request).csrfToken, cpasCode: profile!.cpas.code, errors: {},
      values: { username: '', displayName: '', roles: [], language: profile!.cpas.defaultLanguage },
    }));
  });

  ui.post('/users', async (request, reply) => {
    const { t, profile } = uiOf(request);
    const session = sessionOf(request);
    const body = asForm(request.body);
    const values = { username: formText(body, 'username').trim(), displayName: formText(body, 'displayName'), roles: formList(body, 'roles'), language: formText(body, 'language') };
    const password = formText(body, 'password');
    const render = (errors: Parameters<typeof newUserPage>[1]['errors'], status: number) =>
      sendPage(request, reply, newUserPage(t, { csrfToken: session.csrfToken, cpasCode: profile!.cpas.code, errors, values }), status);
    const parsed = userInput.safeParse({ ...values, language: values.language || null, password });
    if (!parsed.success) {
      return render(fieldErrors(parsed.error, {
        displayName: { id: 'displayName', label: t.t('users.displayName') },
        username: { id: 'username', label: t.t('users.username'), messages: { invalid: t.t('users.usernameInvalid') } },
        roles: { id: 'roles', label: t.t('users.roles'), kind: 'choice', messages: { required: t.t('users.rolesMissing'), tooShort: t.t('users.rolesMissing') } },
        language: { id: 'language', label: t.t('users.language'), kind: 'choice' },
        password: { id: 'password', label: t.t('users.password'), messages: { tooShort: t.t('users.passwordShort') } },
      }, t), 400);
    }
    try {
      await addStaffUser(ctx, session.actor, parsed.data);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'conflict') return render({ username: { id: 'username', message: t.t('users.usernameTaken') } }, 409);
      throw error;
    }
    return seeOther(reply, '/users?added=1');
  });
}
