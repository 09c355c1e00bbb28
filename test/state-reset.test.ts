/**
 * State that must start clean does: an entrant in a booth inherits nothing of the booth's last
 * merchant, and a month's accounts start at zero. Both check every field by reflection, so a
 * field added to MerchantStore or MonthAccounts without its reset fails here by name (a leak of
 * a former occupant's debt or sales into an entrant would otherwise pass unnoticed).
 */
import { describe, it, expect } from 'vitest';
import { resolveScenario } from '../sim/schema/resolve.ts';
import { createWorld } from '../sim/world/init.ts';
import { placeMerchant } from '../sim/mechanisms/demography.ts';
import { attachMerchant } from '../sim/mechanisms/offers.ts';
import { MonthAccounts } from '../sim/world/world.ts';

/** A value no field of a fresh entrant or an empty month can hold by chance. */
const POISON = 123;

/** The per-booth arrays of an object (typed arrays `capacity` long, but not the slot lists). */
function perSlotArrays(o: object, capacity: number): Array<[string, ArrayLike<number> & { [i: number]: number }]> {
  return Object.entries(o).filter(([name, v]) => ArrayBuffer.isView(v) && (v as unknown as ArrayLike<number>).length === capacity && !/List$/.test(name)) as Array<[string, Float64Array]>;
}

describe('an entrant starts clean', () => {
  it('every per-merchant field of its booth is set by placeMerchant and attachMerchant, or cleared by resetSlot', () => {
    const w = createWorld(resolveScenario({ scale: 0.005 }), 1);
    const s = w.merchants;
    const i = s.vacantSlots()[0];
    expect(s.vacantCount).toBeGreaterThan(0);
    const fields = perSlotArrays(s, s.capacity);
    expect(fields.length).toBeGreaterThan(20); // the reflection sees the store's fields
    for (const [, a] of fields) a[i] = POISON; // what a former occupant might have left
    placeMerchant(w, i, 0, 1.5, 2, 1, w.firstMonth, 1000, true);
    attachMerchant(w, i);
    const leaked = fields.filter(([, a]) => a[i] === POISON).map(([name]) => name);
    expect(leaked, 'fields an entrant inherits from the booth\'s last merchant: clear them in MerchantStore.resetSlot (sim/world/merchants.ts)').toEqual([]);
  });
});

describe('a month\'s accounts start at zero', () => {
  it('reset() clears every number and every array of MonthAccounts', () => {
    const a = new MonthAccounts(11);
    const fields = Object.entries(a);
    expect(fields.length).toBeGreaterThan(30);
    for (const [name, v] of fields) {
      if (ArrayBuffer.isView(v)) (v as Float64Array).fill(POISON);
      else if (typeof v === 'number') (a as unknown as Record<string, number>)[name] = POISON;
    }
    a.reset();
    const kept = Object.entries(a).filter(([, v]) => (ArrayBuffer.isView(v) ? (v as Float64Array).some((x) => x !== 0) : v !== 0)).map(([name]) => name);
    expect(kept, 'fields MonthAccounts.reset() (sim/world/world.ts) leaves as they were: add them there').toEqual([]);
  });
});
