// What the pure assessments of the CLI share (`requests assess`, `guide assess`): FILE or - for
// standard input, an optional --config FILE, the answer as pretty JSON on stdout with exit 0
// whatever it says, and, for input that does not follow the contract, one line on stderr naming
// the field and exit 2. No database is opened.
import { DomainError } from '../domain/errors.ts';
import { readArgs } from './args.ts';

export interface JsonAssessIo {
  readonly stdin: NodeJS.ReadableStream;
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
  readonly readFile: (path: string) => Promise<string>;
}

export interface JsonAssessment<C> {
  readonly command: 'requests assess' | 'guide assess';
  readonly usage: string;
  /** How the messages name the input as a whole ("request", "input"). */
  readonly what: string;
  readonly defaultConfig: C;
  /** Reads a configuration; throws an error whose message is the line to print. */
  readonly parseConfig: (json: unknown) => C;
  /** Reads and assesses the input; throws an error whose message is the line to print. */
  readonly assess: (json: unknown, config: C) => unknown;
  /** The errors that mean "this input does not follow the contract". */
  readonly isInputError: (error: unknown) => error is Error;
}

const EXIT_BAD_INPUT = 2;

/** Input the command cannot use; its message is the one line printed on stderr. */
class BadInput extends Error {}

/** The one strict parser of the CLI; its refusals become the one line of this command. */
function readCommandLine(args: readonly string[], spec: JsonAssessment<unknown>): { inputPath: string; configPath: string | null } {
  let line;
  try {
    line = readArgs(spec.command, args);
  } catch (error) {
    if (error instanceof DomainError) throw new BadInput(`${error.message} (${spec.usage})`);
    throw error;
  }
  const [inputPath] = line.positionals;
  if (inputPath === undefined) throw new BadInput(spec.usage);
  return { inputPath, configPath: line.text('config') ?? null };
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

async function readJson(path: string, what: string, io: JsonAssessIo): Promise<unknown> {
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

export async function runJsonAssess<C>(args: string[], io: JsonAssessIo, spec: JsonAssessment<C>): Promise<number> {
  try {
    const { inputPath, configPath } = readCommandLine(args, spec as JsonAssessment<unknown>);
    let config = spec.defaultConfig;
    if (configPath !== null) {
      const json = await readJson(configPath, 'config', io);
      try {
        config = spec.parseConfig(json);
      } catch (error) {
        if (spec.isInputError(error)) throw new BadInput(`config: ${error.message}`);
        throw error;
      }
    }
    const answer = spec.assess(await readJson(inputPath, spec.what, io), config);
    io.stdout.write(`${JSON.stringify(answer, null, 2)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof BadInput || spec.isInputError(error)) {
      io.stderr.write(`${(error as Error).message}\n`);
      return EXIT_BAD_INPUT;
    }
    throw error;
  }
}
