// The scenario format as JSON Schema, generated from the zod schema, so
// editors complete and check scenario files ("$schema": "./scenario.schema.json").
import { z } from 'zod';
import { Scenario } from './schema';

export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(Scenario, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    ...schema,
    $id: 'https://mail-sync-sandbox.example/scenario.schema.json',
    title: 'Mail Sync Sandbox scenario',
    description: 'A story of mail, a server and devices under POP3 or IMAP, step by step. Times are written like "day 2, 08:00".',
  };
}

export function scenarioJsonSchemaText(): string {
  return JSON.stringify(scenarioJsonSchema(), null, 2) + '\n';
}
