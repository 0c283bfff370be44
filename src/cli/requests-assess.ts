// `confiance requests assess FILE|- [--config FILE]`: the legal assessment of an authority's
// request, without a database. Prints the assessment as JSON and exits 0 whatever the outcome;
// input that does not follow the contract gets one line on stderr naming the field and exit 2.
import { assessRequest, DEFAULT_ASSESSMENT_CONFIG, type AssessmentConfig } from '../domain/requests/assess.ts';
import { AssessmentConfigError } from '../domain/requests/assessment-config.ts';
import { parseAssessmentConfig, parseAssessmentInput, RequestInputError } from '../domain/requests/parse-request.ts';
import { runJsonAssess, type JsonAssessIo } from './json-assess.ts';

export type RequestsAssessIo = JsonAssessIo;

export function runRequestsAssess(args: string[], io: RequestsAssessIo): Promise<number> {
  return runJsonAssess<AssessmentConfig>(args, io, {
    command: 'requests assess',
    usage: 'usage: confiance requests assess FILE|- [--config FILE]',
    what: 'request',
    defaultConfig: DEFAULT_ASSESSMENT_CONFIG,
    parseConfig: parseAssessmentConfig,
    assess: (json, config) => assessRequest(parseAssessmentInput(json), config),
    // A configuration that would reopen secrecy is refused like malformed input (exit 2).
    isInputError: (error): error is Error => error instanceof RequestInputError || error instanceof AssessmentConfigError,
  });
}
