// Refuses a request that is not a 46bis/1 request (R1, R4, R6, R38), or that the legal service
// decided not to answer, with a signed letter giving the grounds (R17). See close-request.ts.
import type { Actor } from '../../domain/roles.ts';
import type { AppContext } from '../context.ts';
import { closeRequest, type CloseRequestInput } from './close-request.ts';

export const refuseRequest = (ctx: AppContext, actor: Actor, input: CloseRequestInput) => closeRequest(ctx, actor, 'refuse', input);
