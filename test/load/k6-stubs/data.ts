/** Stub of `k6/data`: SharedArray is the array its factory returns. */
export class SharedArray<T> {
  constructor(_name: string, factory: () => T[]) {
    return factory() as unknown as SharedArray<T>;
  }
}
