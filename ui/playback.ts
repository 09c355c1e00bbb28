/**
 * Playback for classroom mode: a cursor that walks the run month by month. The run itself is
 * computed in the workers as fast as they can; playback only decides how much of it is shown,
 * so a teacher can play, pause, step, change the speed or jump with the time slider.
 * Pure logic (no DOM): the component calls advance() from requestAnimationFrame.
 */

/** Playback speeds, in months per second (1 year in 12 s … 16 years a minute). */
export const SPEEDS = [1, 2, 4, 8, 16] as const;
const DEFAULT_SPEED = 2; // 4 months a second: 2020–2030 in about half a minute

export class Playback {
  /** Index of the last month shown. */
  cursor = 0;
  playing = false;
  speedIndex = DEFAULT_SPEED;
  /** Fraction of a month accumulated between frames. */
  private carry = 0;

  get speed(): number {
    return SPEEDS[this.speedIndex];
  }

  /**
   * Advances a playing cursor by `dtMs` of wall time, up to the last month computed
   * (`available` months). Stops at the last month of the run (`total`). Returns true when the
   * cursor moved.
   */
  advance(dtMs: number, available: number, total: number): boolean {
    if (!this.playing || available <= 0) return false;
    this.carry += (Math.max(0, Math.min(dtMs, 250)) * this.speed) / 1000;
    const whole = Math.floor(this.carry + 1e-9); // 60 frames of 1/60 s add up to 0.9999…
    if (whole === 0) return false;
    this.carry -= whole;
    const before = this.cursor;
    this.cursor = Math.min(this.cursor + whole, available - 1);
    if (this.cursor >= total - 1) { this.playing = false; this.carry = 0; }
    return this.cursor !== before;
  }

  /**
   * Play or pause; playing from the last month starts again from the first. Before the run has
   * sent a month (`total` 0) it plays all the same: advance() moves once months arrive.
   */
  toggle(total: number): void {
    if (this.playing) { this.pause(); return; }
    if (this.cursor >= total - 1) this.cursor = 0;
    this.playing = true;
    this.carry = 0;
  }

  pause(): void {
    this.playing = false;
    this.carry = 0;
  }

  /** Moves by `months` (negative: back), pausing playback; stays within what is computed. */
  step(months: number, available: number): void {
    this.pause();
    this.seek(this.cursor + months, available);
  }

  seek(month: number, available: number): void {
    this.cursor = Math.max(0, Math.min(Math.round(month), Math.max(0, available - 1)));
  }

  faster(): void {
    this.speedIndex = Math.min(SPEEDS.length - 1, this.speedIndex + 1);
  }

  slower(): void {
    this.speedIndex = Math.max(0, this.speedIndex - 1);
  }
}
