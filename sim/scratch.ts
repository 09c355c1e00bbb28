/**
 * A reusable work buffer, so hot loops allocate nothing per step: it is reallocated only when
 * the size it must hold changes (once per run in practice).
 */
export class ScratchBuffer {
  private buffer = new Float64Array(0);
  get(size: number): Float64Array {
    if (this.buffer.length !== size) this.buffer = new Float64Array(size);
    return this.buffer;
  }
}
