// npm run validate: runs the reference cases of models/validation/cases.ts, prints a table of published
// and model values with their ratings, and writes doc/validation.md and public/validation.json (the
// same table for the app's model explorer; see scripts/validationJson.ts).

import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  evaluateCases,
  summary,
  textTable,
  validationMarkdown,
} from '../models/validation/report.ts';
import { validationJsonText } from './validationJson.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const results = evaluateCases();
process.stdout.write(textTable(results));
process.stdout.write(`\n${summary(results)}`);
const docPath = join(root, 'doc', 'validation.md');
writeFileSync(docPath, validationMarkdown(results));
process.stdout.write(`wrote ${docPath}\n`);
const jsonPath = join(root, 'public', 'validation.json');
writeFileSync(jsonPath, await validationJsonText(results, jsonPath));
process.stdout.write(`wrote ${jsonPath}\n`);
