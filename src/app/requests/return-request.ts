// Returns a request to the procureur du Roi for completion: no reasons (R5), no data named (R7), no
// person named (R37); or as the legal service decided. A signed letter; see close-request.ts.
import type { Actor } from '../../domain/roles.ts';
import type { AppContext } from '../context.ts';
import { closeRequest, type CloseRequestInput } from './close-request.ts';

export const returnRequest = (ctx: AppContext, actor: Actor, input: CloseRequestInput) => closeRequest(ctx, actor, 'return', input);
