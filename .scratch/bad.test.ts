import { it } from 'vitest';
import './nonexistent-module.ts';
it('x', () => {});
