#!/usr/bin/env node
// The command line: `npm run --silent confiance -- <command>`; `<command> --help` for its options.
import { dispatch } from './dispatch.ts';

process.exitCode = await dispatch(process.argv.slice(2));
