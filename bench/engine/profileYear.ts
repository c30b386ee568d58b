// Profiles one simulate() of a bench world (default year-10000): run with
//   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/engine/profileYear.ts [case]
// and read the .cpuprofile with bench/engine/topFunctions.ts. Prints CPU and wall time.
// Case `startup`: loads everything and makes the 10,000-mail world, but simulates nothing (what a
// run costs before simulate(), for instructions.sh and instructionKinds.ts to take away).
import { simulate } from '../../src/sim/run/simulate';
import { WORLDS } from '../worlds';

const name = process.argv[2] ?? 'year-10000';
const startupOnly = name === 'startup';
const world = WORLDS[startupOnly ? 'year-10000' : name]();
if (startupOnly) {
  console.log(`startup: ${world.name} made, nothing simulated`);
  process.exit(0);
}
const start = process.hrtime.bigint();
const cpu0 = process.cpuUsage();
const t = simulate(world.scenario);
const cpu = process.cpuUsage(cpu0);
console.log(`${name}: ${t.frames.length} frames, ${(Number(process.hrtime.bigint() - start) / 1e6).toFixed(0)} ms wall, ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms CPU`);
