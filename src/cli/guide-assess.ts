// `confiance guide assess FILE|- [--config FILE]`: the professional-secrecy guide « Puis-je parler ? »,
// without a database. Prints the answer as JSON (French, as the contract) and exits 0 whatever it
// says; input that does not follow the contract gets one line on stderr naming the field, exit 2.
import { DEFAULT_GUIDE_CONFIG, type GuideConfig } from '../domain/guide/config.ts';
import { assessGuide } from '../domain/guide/decide.ts';
import { GuideInputError, parseGuideConfig, parseGuideInput } from '../domain/guide/parse-guide.ts';
import { runJsonAssess, type JsonAssessIo } from './json-assess.ts';

export function runGuideAssess(args: string[], io: JsonAssessIo): Promise<number> {
  return runJsonAssess<GuideConfig>(args, io, {
    command: 'guide assess',
    usage: 'usage: confiance guide assess FILE|- [--config FILE]',
    what: 'input',
    defaultConfig: DEFAULT_GUIDE_CONFIG,
    parseConfig: parseGuideConfig,
    assess: (json, config) => assessGuide(parseGuideInput(json), config),
    isInputError: (error): error is Error => error instanceof GuideInputError,
  });
}
