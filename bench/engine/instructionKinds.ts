// Where a run's instructions go, by kind: reads a cachegrind output file
// (instructions.sh keeps one with KEEP=dir) and sums the instructions of its
// functions into V8's optimizing compiler, the garbage collector, V8's
// builtins (Map lookups, property-load stubs, string joins the engine's code
// calls), the generated code itself (which valgrind cannot name), the parser
// and bytecode, the C library and the rest of V8 and Node. With a second file
// (a run that only starts and loads the bundle), prints the difference too:
// what the simulation itself costs.
//   npx tsx bench/engine/instructionKinds.ts run.cg.out [startup.cg.out]
import { readFileSync } from 'node:fs';

const KINDS: Array<[string, RegExp]> = [
  ['optimizing compiler (Turbofan)', /compiler::|Pipeline|Turboshaft|OptimizedCompilationJob|TurbofanCompilationJob/],
  ['garbage collector', /Scaveng|Marking|Sweep|Heap::|Evacuat|Pretenuring|MemoryChunk|GCTracer|BodyDescriptor|MarkCompact|RememberedSet|SlotSet|heap::|Worklist|cppgc|MinorMC|PagedSpace|NewSpace|SemiSpace|LargeObject|SizeFromMap|FreeList|TypedSlot|LiveObjectRange|EphemeronHashTable|Builtins_RecordWrite/],
  ['builtins (called by the code)', /^Builtins_/],
  ['generated code (unnamed)', /^\?\?\?$/],
  ['parser, bytecode, baseline', /Scanner|Parser|Preparse|Bytecode|Interpreter|Baseline|AstValue|AstNode|Scope::/],
  ['C library (malloc, memcpy)', /^(malloc|free|_int_|__mem|__libc_|pthread_|cfree)/],
];
const OTHER = 'other (V8 runtime, Node, OpenSSL)';

function byKind(file: string): Map<string, number> {
  const out = new Map<string, number>();
  let kind = OTHER;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.startsWith('fn=')) {
      const fn = line.slice(3);
      kind = KINDS.find(([, re]) => re.test(fn))?.[0] ?? OTHER;
    } else if (line.charCodeAt(0) >= 48 && line.charCodeAt(0) <= 57) {
      const count = Number(line.slice(line.indexOf(' ') + 1));
      if (count) out.set(kind, (out.get(kind) ?? 0) + count);
    }
  }
  return out;
}

const run = byKind(process.argv[2]);
const base = process.argv[3] ? byKind(process.argv[3]) : null;
const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
const G = (n: number) => `${(n / 1e9).toFixed(2)} G`.padStart(8);
const total = sum(run);
const own = base ? total - sum(base) : 0;
console.log(`${'kind'.padEnd(36)} ${'run'.padStart(8)}      ${base ? `${'startup'.padStart(8)} ${'run - startup'.padStart(13)}` : ''}`);
for (const kind of [...KINDS.map(([k]) => k), OTHER]) {
  const n = run.get(kind) ?? 0;
  const b = base?.get(kind) ?? 0;
  console.log(`${kind.padEnd(36)} ${G(n)} ${((100 * n) / total).toFixed(1).padStart(5)}%${base ? ` ${G(b)} ${G(n - b)} ${((100 * (n - b)) / own).toFixed(1).padStart(5)}%` : ''}`);
}
console.log(`${'total'.padEnd(36)} ${G(total)}${base ? `        ${G(sum(base))} ${G(own)}` : ''}`);
