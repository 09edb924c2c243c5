// Mistake (a fake): main prints a "consumed" line for every item, in order, and never starts a producer or a consumer: nothing goes through a buffer.
import { print } from "ipc";

export async function main([producers]: [number[][], number[], number]) {
  for (const list of producers) for (const item of list) print(`consumed ${item}`);
}

export async function producer() {}

export async function consumer() {}
