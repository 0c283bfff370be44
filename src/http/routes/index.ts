import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app/context.ts';
import { registerAuditRoutes } from './audit.ts';
import { registerAuthorityRequestRoutes } from './authority-requests.ts';
import { registerCouncilRoutes } from './council.ts';
import { registerGuideRoutes } from './guide.ts';
import { registerPersonRoutes } from './persons.ts';
import { registerRecordRoutes } from './records.ts';
import { registerRequestRoutes } from './requests.ts';
import { registerSessionRoutes } from './session.ts';
import { registerStaffRoutes } from './staff.ts';

export async function registerApiRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await app.register(
    async (instance) => {
      const api = instance.withTypeProvider<ZodTypeProvider>();
      registerSessionRoutes(api, ctx);
      registerPersonRoutes(api, ctx);
      registerRecordRoutes(api, ctx);
      registerStaffRoutes(api, ctx);
      registerRequestRoutes(api);
      registerAuditRoutes(api, ctx);
      registerAuthorityRequestRoutes(api, ctx);
      registerCouncilRoutes(api, ctx);
      await registerGuideRoutes(api, ctx);
    },
    { prefix: '/api/v1' },
  );
}
