// npm run schema: writes scenarios/scenario.schema.json from the zod schema.
import { writeFileSync } from 'node:fs';
import { scenarioJsonSchemaText } from '../sim';

writeFileSync('scenarios/scenario.schema.json', scenarioJsonSchemaText());
console.log('wrote scenarios/scenario.schema.json');
