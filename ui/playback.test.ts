import { describe, it, expect } from 'vitest';
import { Playback, SPEEDS } from './playback.ts';

describe('classroom playback', () => {
  it('plays at the chosen speed, one month per 1/speed seconds', () => {
    const p = new Playback();
    p.toggle(132);
    expect(p.playing).toBe(true);
    for (let i = 0; i < 60; i++) p.advance(1000 / 60, 132, 132); // one second at 60 frames
    expect(p.cursor).toBe(p.speed);
    p.faster();
    expect(p.speed).toBeGreaterThan(SPEEDS[0]);
  });

  it('never runs ahead of the months computed, and stops at the end of the run', () => {
    const p = new Playback();
    p.speedIndex = SPEEDS.length - 1;
    p.toggle(132);
    for (let i = 0; i < 100; i++) p.advance(200, 10, 132);
    expect(p.cursor).toBe(9);
    expect(p.playing).toBe(true); // waits for the workers
    for (let i = 0; i < 100; i++) p.advance(200, 132, 132);
    expect(p.cursor).toBe(131);
    expect(p.playing).toBe(false);
    p.toggle(132); // play again from the start
    expect(p.cursor).toBe(0);
    expect(p.playing).toBe(true);
  });

  it('steps and seeks within the computed months and pauses', () => {
    const p = new Playback();
    p.toggle(132);
    p.step(1, 132);
    expect(p.playing).toBe(false);
    expect(p.cursor).toBe(1);
    p.step(-5, 132);
    expect(p.cursor).toBe(0);
    p.seek(500, 40);
    expect(p.cursor).toBe(39);
    p.slower(); p.slower(); p.slower();
    expect(p.speed).toBe(SPEEDS[0]);
  });

  it('Play before the first month is computed waits for it, then plays', () => {
    const p = new Playback();
    p.toggle(0); // the step's run has not sent a month yet
    expect(p.playing).toBe(true);
    p.advance(500, 0, 0);
    expect(p.cursor).toBe(0);
    expect(p.playing).toBe(true); // still waiting, not stopped at "the end" of an empty run
    p.advance(250, 12, 132); // the first months arrive: a quarter second at 4 months a second
    expect(p.cursor).toBe(1);
    expect(p.playing).toBe(true);
  });

  it('a long pause between frames (a hidden tab) does not jump years ahead', () => {
    const p = new Playback();
    p.toggle(132);
    p.advance(60_000, 132, 132);
    expect(p.cursor).toBe(1);
  });
});
