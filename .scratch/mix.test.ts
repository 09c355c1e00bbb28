import { it, expect } from 'vitest';
it('a', () => {}); it('b', () => { expect(1).toBe(2); }); it.skip('c', () => {}); it.todo('d');
