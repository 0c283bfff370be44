// `confiance requests assess FILE|- [--config FILE]`: the legal assessment of an authority's
// request, without a database. Prints the assessment as JSON and exits 0 whatever the outcome;
// input that does not follow the contract gets one line on stderr naming the field and exit 2.
import { assessRequest, DEFAULT_ASSESSMENT_CONFIG, type AssessmentConfig } from '../domain/requests/assess.ts';
import { AssessmentConfigError } from '../domain/requests/assessment-config.ts';
import { parseAssessmentConfig, parseAssessmentInput, RequestInputError } from '../domain/requests/parse-request.ts';

export interface RequestsAssessIo {
  readonly stdin: NodeJS.ReadableStream;
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
  readonly readFile: (path: string) => Promise<string>;
}

const USAGE = 'usage: confiance requests assess FILE|- [--config FILE]';
const EXIT_BAD_INPUT = 2;

/** Input the command cannot use; its message is the one line printed on stderr. */
class BadInput extends Error {}

interface Invocation {
  readonly requestPath: string;
  readonly configPath: string | null;
}

function readArgs(args: readonly string[]): Invocation {
  const positional: string[] = [];
  let configPath: string | null = null;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    if (arg === '--config') {
      const path = args[i + 1];
      if (path === undefined || configPath !== null) throw new BadInput(`--config: expected one FILE (${USAGE})`);
      configPath = path;
      i += 1;
    } else if (arg.startsWith('--')) {
      throw new BadInput(`${JSON.stringify(arg)}: unknown option (${USAGE})`);
    } else {
      positional.push(arg);
    }
  }
  const [requestPath, ...extra] = positional;
  if (requestPath === undefined || extra.length > 0) throw new BadInput(USAGE);
  return { requestPath, configPath };
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

async function readJson(path: string, what: string, io: RequestsAssessIo): Promise<unknown> {
  let text: string;
  try {
    text = path === '-' ? await readAll(io.stdin) : await io.readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'read error';
    throw new BadInput(`${what}: cannot read ${JSON.stringify(path)} (${code})`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    // The parser's own message quotes the input, which may be a whole letter: it is not shown.
    throw new BadInput(`${what}: ${path === '-' ? 'standard input' : JSON.stringify(path)} is not valid JSON`);
  }
}

async function loadConfig(path: string | null, io: RequestsAssessIo): Promise<AssessmentConfig> {
  if (path === null) return DEFAULT_ASSESSMENT_CONFIG;
  const json = await readJson(path, 'config', io);
  try {
    return parseAssessmentConfig(json);
  } catch (error) {
    if (error instanceof RequestInputError || error instanceof AssessmentConfigError) {
      throw new BadInput(`config: ${error.message}`);
    }
    throw error;
  }
}

export async function runRequestsAssess(args: string[], io: RequestsAssessIo): Promise<number> {
  try {
    const { requestPath, configPath } = readArgs(args);
    const config = await loadConfig(configPath, io);
    const json = await readJson(requestPath, 'request', io);
    const assessment = assessRequest(parseAssessmentInput(json), config);
    io.stdout.write(`${JSON.stringify(assessment, null, 2)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof BadInput || error instanceof RequestInputError) {
      io.stderr.write(`${error.message}\n`);
      return EXIT_BAD_INPUT;
    }
    throw error;
  }
}
