// The validator of every route's params, query and body: the route's zod schema, after a walk that
// refuses NUL characters anywhere (PostgreSQL cannot store them). A failure is an invalid-input
// DomainError naming the first field at fault in words of our own (src/domain/input-issues.ts),
// so neither the value sent nor an unknown key that looks like data comes back in the answer.
import type { FastifySchemaCompiler } from 'fastify';
import type { z } from 'zod';
import { invalidInput } from '../domain/errors.ts';
import { describeInputIssue, findNul, NUL_MESSAGE } from '../domain/input-issues.ts';

const PART_NAMES: Readonly<Record<string, string>> = { body: 'body', querystring: 'query', params: 'params', headers: 'headers' };

export const validatorCompiler: FastifySchemaCompiler<z.ZodType> = ({ schema, httpPart }) => {
  const root = PART_NAMES[httpPart ?? 'body'] ?? 'body';
  return (data) => {
    const nul = findNul(data);
    if (nul !== null) return { error: invalidInput(nul || root, NUL_MESSAGE) };
    const result = schema.safeParse(data);
    if (result.success) return { value: result.data };
    const { field, message } = describeInputIssue(result.error, root);
    return { error: invalidInput(field, message) };
  };
};
