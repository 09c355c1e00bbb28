/** Which kind of file a teacher dropped or loaded: a scenario is refused as one, a broken lesson is checked as a lesson. */
import { describe, it, expect } from 'vitest';
import { isScenarioFile } from './files.ts';

describe('isScenarioFile', () => {
  it('knows a scenario by its sections, and a lesson by its own fields', () => {
    expect(isScenarioFile({ infrastructure: { fiveGCoverage: 0.9 } })).toBe(true);
    expect(isScenarioFile({ name: 'my-policy', scale: 0.05 })).toBe(true);
    expect(isScenarioFile({ id: 'x', steps: [] })).toBe(false);
  });
  it('takes an empty object for a lesson with its fields missing, not for a scenario (the classroom said "a scenario, not a lesson")', () => {
    expect(isScenarioFile({})).toBe(false);
  });
});
