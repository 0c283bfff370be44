// The requests still owed past their due date: the answer is due (refusing a valid request is
// fined, R19), so the directeur général and the président see them first.
import type { Actor } from '../../domain/roles.ts';
import type { AppContext } from '../context.ts';
import { listRegister, type RegisterLine } from './list-register.ts';

export const listOverdue = (ctx: AppContext, actor: Actor): Promise<RegisterLine[]> => listRegister(ctx, actor, { overdueOnly: true });
