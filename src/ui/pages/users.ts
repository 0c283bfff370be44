import { ROLES } from '../../domain/roles.ts';
import type { Role } from '../../domain/roles.ts';
import { button, checkboxes, csrfField, errorSummary, type FieldErrors, input, linkButton, radios, table, tag } from '../components.ts';
import { html, join } from '../html.ts';
import { AUTONYMS, isLang, LANGS, type Translator } from '../i18n/index.ts';
import type { Page } from '../layout.ts';

export interface StaffListRow {
  readonly username: string;
  readonly displayName: string;
  readonly language: string | null;
  readonly active: boolean;
  readonly roles: readonly Role[];
  readonly pendingRoles: readonly Role[];
}

export function usersPage(t: Translator, view: { cpasName: string; cpasCode: string; users: readonly StaffListRow[] }): Page {
  return {
    title: t.t('users.title'),
    nav: 'users',
    content: html`<h1 class="govuk-heading-l">${t.t('users.title')}</h1>
<p class="govuk-body">${t.t('users.intro', { ofCpas: t.cpas(view.cpasName, 'of') })}</p>
${linkButton('/users/new', t.t('users.add'))}
${table({
      caption: t.plural('users.count', view.users.length),
      head: [t.t('users.displayName'), t.t('users.login'), t.t('users.roles'), t.t('users.language'), t.t('users.status')],
      rows: view.users.map((u) => [
        u.displayName,
        `${u.username}@${view.cpasCode}`,
        join([...u.roles.map((r) => tag(t.t(`role.${r}`), 'grey')), ...u.pendingRoles.map((r) => tag(t.t('users.pendingRole', { role: t.t(`role.${r}`) }), 'yellow'))], ' '),
        isLang(u.language) ? AUTONYMS[u.language] : '',
        u.active ? t.t('users.active') : t.t('users.inactive'),
      ]),
    })}`,
  };
}

export interface NewUserView {
  readonly csrfToken: string;
  readonly cpasCode: string;
  readonly values: { readonly username: string; readonly displayName: string; readonly roles: readonly string[]; readonly language: string };
  readonly errors: FieldErrors;
}

export function newUserPage(t: Translator, view: NewUserView): Page {
  const errorPrefix = t.t('title.error');
  const { values, errors } = view;
  return {
    title: t.t('users.newTitle'),
    nav: 'users',
    hasErrors: Object.keys(errors).length > 0,
    beforeContent: html`<a href="/users" class="govuk-back-link">${t.t('common.back')}</a>`,
    content: html`<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
  ${errorSummary(t.t('common.errorSummary'), errors)}
  <h1 class="govuk-heading-l">${t.t('users.newTitle')}</h1>
  <form method="post" action="/users" novalidate>
    ${csrfField(view.csrfToken)}
    ${input({ id: 'displayName', name: 'displayName', label: t.t('users.displayName'), value: values.displayName, error: errors.displayName?.message, errorPrefix, autocomplete: 'off', spellcheck: false })}
    ${input({ id: 'username', name: 'username', label: t.t('users.username'), hint: t.t('users.usernameHint', { code: view.cpasCode }), value: values.username, error: errors.username?.message, errorPrefix, autocomplete: 'off', spellcheck: false, width: '20' })}
    ${checkboxes({ id: 'roles', name: 'roles', legend: t.t('users.roles'), hint: t.t('users.rolesHint'), items: ROLES.map((r) => ({ value: r, text: t.t(`role.${r}`) })), values: values.roles, error: errors.roles?.message, errorPrefix, small: true })}
    ${radios({ id: 'language', name: 'language', legend: t.t('users.language'), hint: t.t('users.languageHint'), items: LANGS.map((l) => ({ value: l, text: AUTONYMS[l], lang: l })), value: values.language, error: errors.language?.message, errorPrefix, small: true })}
    <p class="govuk-body">${t.t('users.noPassword')}</p>
    ${button(t.t('users.submit'))}
  </form>
</div></div>`,
  };
}
