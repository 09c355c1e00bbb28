import * as z from 'zod';
import { scenarioFileSchema } from '../sim/schema/scenario.ts';
const js = z.toJSONSchema(scenarioFileSchema, { io: 'input', target: 'draft-2020-12', unrepresentable: 'any' });
const s = JSON.stringify(js, null, 2);
console.log(s.length);
console.log(JSON.stringify((js as any).properties.infrastructure, null, 2).slice(0, 4000));
console.log(JSON.stringify((js as any).properties.model.properties.priceSensitivity, null, 2));
console.log(JSON.stringify((js as any).properties.regions, null, 2).slice(0, 3000));
console.log(Object.keys(js));
