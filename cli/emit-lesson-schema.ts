/** Writes scenarios/lessons/lesson.schema.json from the lesson schema (sim/lessons/schema.ts), for editors. */
import { writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as z from 'zod';
import { lessonSchema } from '../sim/lessons/schema.ts';

export function lessonJsonSchemaText(): string {
  const schema = z.toJSONSchema(lessonSchema, { io: 'input', target: 'draft-7', unrepresentable: 'any' });
  return `${JSON.stringify({ $id: 'urn:yiwu-sandbox:lesson', title: 'Yiwu digital trade sandbox lesson', ...schema }, null, 2)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'scenarios', 'lessons', 'lesson.schema.json');
  writeFileSync(out, lessonJsonSchemaText());
  console.log(`wrote ${out}`);
}
