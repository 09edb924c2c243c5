/** Small hand-written questions shared by the unit tests. */
import type { Question } from "./question-schema";

const L = (s: string) => ({ ko: `${s} (ko)`, en: s });
const opt = (id: string) => ({ id, text: L(`option ${id}`), explanation: L(`because ${id}`) });

export const single: Question = {
  id: "t-single", topic: "pipes", type: "single", difficulty: 1, prompt: L("single?"), explanation: L("single explained"),
  options: [opt("a"), opt("b"), opt("c")], answer: "b",
};
export const multiple: Question = {
  id: "t-multiple", topic: "pipes", type: "multiple", difficulty: 1, points: 3, prompt: L("multiple?"), explanation: L("multiple explained"),
  options: [opt("a"), opt("b"), opt("c"), opt("d"), opt("e")], answers: ["a", "b", "c"],
};
export const truefalse: Question = {
  id: "t-tf", topic: "signals", type: "truefalse", difficulty: 1, prompt: L("tf?"), explanation: L("tf explained"), answer: false,
};
export const ordering: Question = {
  id: "t-ordering", topic: "sockets", type: "ordering", difficulty: 2, points: 4, prompt: L("order?"), explanation: L("order explained"),
  items: [{ id: "sock", text: L("socket") }, { id: "bind", text: L("bind") }, { id: "listen", text: L("listen") }, { id: "accept", text: L("accept") }],
  answer: ["sock", "bind", "listen", "accept"],
};
export const matching: Question = {
  id: "t-matching", topic: "sockets", type: "matching", difficulty: 2, points: 3, prompt: L("match?"), explanation: L("match explained"),
  left: [{ id: "l1", text: L("left 1") }, { id: "l2", text: L("left 2") }, { id: "l3", text: L("left 3") }],
  right: [{ id: "r1", text: L("right 1") }, { id: "r2", text: L("right 2") }, { id: "r3", text: L("right 3") }, { id: "rx", text: L("distractor") }],
  answer: { l1: "r1", l2: "r2", l3: "r3" },
};
export const numeric: Question = {
  id: "t-numeric", topic: "ipc-performance", type: "numeric", difficulty: 1, prompt: L("number?"), explanation: L("number explained"),
  answer: 8192, unit: L("bytes"),
};
export const numericTol: Question = {
  id: "t-numeric-tol", topic: "ipc-performance", type: "numeric", difficulty: 1, prompt: L("approx?"), explanation: L("approx explained"),
  answer: 3.5, tolerance: 0.1,
};
export const codeOutput: Question = {
  id: "t-code", topic: "pipes", type: "code-output", difficulty: 2, prompt: L("output?"), explanation: L("code explained"),
  code: 'console.log("  a");\nconsole.log("b");', answer: "  a\nb", acceptAlternatives: ["  a\nB"],
};
export const generatedRace: Question = {
  id: "t-race", topic: "race-conditions", type: "numeric", difficulty: 2, generator: "bank-race",
  prompt: L("race lead-in"), explanation: L("race explained"),
};
export const generatedLost: Question = {
  id: "t-lost", topic: "race-conditions", type: "single", difficulty: 2, generator: "bank-race-lost-update",
  prompt: L("lost lead-in"), explanation: L("lost explained"),
};

export const ALL_FIXTURES: Question[] = [single, multiple, truefalse, ordering, matching, numeric, numericTol, codeOutput, generatedRace, generatedLost];
