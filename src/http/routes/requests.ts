// The legal assessment of an authority's request: pure, same JSON as the CLI.
import { z } from 'zod';
import { assessRequest, DEFAULT_ASSESSMENT_CONFIG } from '../../domain/requests/assess.ts';
import { parseAssessmentInput, RequestInputError } from '../../domain/requests/parse-request.ts';
import { DomainError } from '../../domain/errors.ts';
import { anyObject, type Api, errors } from './common.ts';

export function registerRequestRoutes(api: Api): void {
  api.post('/requests/assess', {
    schema: {
      tags: ['requests'],
      summary: 'Assess a request from an authority under art. 46bis/1 CIC (contract in docs/assessment-contract.md)',
      body: z.unknown(),
      response: { 200: anyObject, ...errors },
    },
  }, async (request) => {
    try {
      return assessRequest(parseAssessmentInput(request.body), DEFAULT_ASSESSMENT_CONFIG);
    } catch (error) {
      if (error instanceof RequestInputError) throw new DomainError('invalid-input', error.message, error.field);
      throw error;
    }
  });
}
