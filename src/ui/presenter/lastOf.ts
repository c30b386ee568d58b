// A value made again only when one of the things it is made from is another
// object (or value) than the last time. The presenting window says where it is
// at every change while playing; the address part it sends depends only on what
// is open, in which variant and language, so it is not built anew each change
// (building the address cost 2.8 ms a change on a 4× throttled laptop, and with
// the sandbox open it compresses the scenario into a link).

export function lastOf<T>(make: () => T): (inputs: readonly unknown[]) => T {
  let last: readonly unknown[] | null = null;
  let value: T;
  return (inputs) => {
    if (last === null || last.length !== inputs.length || inputs.some((v, i) => !Object.is(v, last![i]))) {
      value = make();
      last = inputs;
    }
    return value;
  };
}
