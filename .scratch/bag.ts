import * as z from 'zod';
const s = z.number().int().min(0).max(2 ** 31 - 1).default(1);
console.log((s as any)._zod.bag, (s.unwrap() as any)._zod.bag, s.unwrap().minValue, s.unwrap().maxValue);
import { resolveScenario } from '../sim/schema/resolve.ts';
for (const v of [{ shocks: [{ type: 'demand_shock', start: '2021-01', end: '2021-02', change: 0.1, region: ['eu'] }] }, { regions: [{ id: 'north-america' }] }, {regions:[{id:'eu', tarif: 0.1}]}, {logistics: {modes: [{id: 'sea', costPerKgUsd: -1}]}}, {shocks: [{type:'freight_rate_spike', start:'2021-01', end:'2021-03', multiplier: 2, modes: ['boat']}]}])
try { resolveScenario(v) } catch (e: any) { console.log(e.message) }
