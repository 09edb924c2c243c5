/**
 * Single-choice variant of the bank race: given the interleaving, which
 * update (if any) is lost? Same scenario and interpreter as `bank-race`.
 */
import {
  bankRacePrograms,
  bankRaceScenario,
  classifyOutcome,
  renderScenarioPrompt,
  renderTrace,
  runRace,
  type RaceInterpreter,
} from "./bank-race";
import type { GeneratedSingleVariant, QuestionGenerator } from "./types";

export function createBankRaceLostUpdateGenerator(
  interpreter: RaceInterpreter = runRace,
): QuestionGenerator<GeneratedSingleVariant> {
  return {
    id: "bank-race-lost-update",
    type: "single",
    description: "Which update of two unsynchronised load/add/store sequences is lost in a given interleaving?",
    generate(seed) {
      const s = bankRaceScenario(seed);
      const { final } = interpreter(s.initial, bankRacePrograms(s), s.schedule);
      const outcome = classifyOutcome(s, final);
      const serial = s.initial + s.deposit - s.withdrawal;
      const p = renderScenarioPrompt(s, interpreter);
      const right = (ko: string, en: string) => ({ ko: `정답. ${ko}`, en: `Correct. ${en}` });
      const wrong = (ko: string, en: string) => ({ ko: `오답. ${ko}`, en: `Wrong. ${en}` });
      const options = [
        {
          id: "none",
          text: {
            ko: `두 갱신이 모두 반영된다(최종 ${serial})`,
            en: `Both updates take effect (final ${serial})`,
          },
          explanation:
            outcome === "none"
              ? right(
                  "한 프로세스의 store가 다른 프로세스의 load보다 먼저 일어나 사실상 직렬로 실행되었습니다.",
                  "One process's store happens before the other's load, so the run is effectively serial.",
                )
              : wrong(
                  "두 프로세스가 모두 상대의 store 이전에 load 했으므로, 나중에 store 한 쪽이 먼저 store 한 쪽의 결과를 덮어씁니다.",
                  "Each process loaded before the other's store, so whichever stores last overwrites the other's result.",
                ),
        },
        {
          id: "deposit-lost",
          text: {
            ko: `P1의 입금이 사라진다(최종 ${s.initial - s.withdrawal})`,
            en: `P1's deposit is lost (final ${s.initial - s.withdrawal})`,
          },
          explanation:
            outcome === "deposit-lost"
              ? right(
                  "P2가 P1의 store 이전 값을 load 했고 P2의 store가 마지막이므로 P1의 결과를 덮어씁니다.",
                  "P2 loaded before P1's store and P2's store comes last, overwriting P1's result.",
                )
              : wrong(
                  "마지막 store가 P1의 것이거나, P2가 P1의 store 이후에 load 했으므로 P1의 입금은 남아 있습니다.",
                  "Either P1 stores last or P2 loaded after P1's store, so P1's deposit survives.",
                ),
        },
        {
          id: "withdrawal-lost",
          text: {
            ko: `P2의 출금이 사라진다(최종 ${s.initial + s.deposit})`,
            en: `P2's withdrawal is lost (final ${s.initial + s.deposit})`,
          },
          explanation:
            outcome === "withdrawal-lost"
              ? right(
                  "P1이 P2의 store 이전 값을 load 했고 P1의 store가 마지막이므로 P2의 결과를 덮어씁니다.",
                  "P1 loaded before P2's store and P1's store comes last, overwriting P2's result.",
                )
              : wrong(
                  "마지막 store가 P2의 것이거나, P1이 P2의 store 이후에 load 했으므로 P2의 출금은 남아 있습니다.",
                  "Either P2 stores last or P1 loaded after P2's store, so P2's withdrawal survives.",
                ),
        },
        {
          id: "both-lost",
          text: {
            ko: `두 갱신이 모두 사라진다(최종 ${s.initial})`,
            en: `Both updates are lost (final ${s.initial})`,
          },
          explanation: wrong(
            "이 프로그램에서는 불가능합니다. 마지막으로 store 하는 프로세스는 자기가 계산한 값(자기 변경이 들어간 값)을 쓰므로 적어도 그 갱신은 남습니다.",
            "Impossible for these programs: the process that stores last writes a value containing its own change, so at least that update survives.",
          ),
        },
        {
          id: "nondeterministic",
          text: {
            ko: "CPU 속도에 따라 달라지므로 정할 수 없다",
            en: "It cannot be determined; it depends on CPU speed",
          },
          explanation: wrong(
            "경쟁 조건은 실행 순서에 따라 결과가 달라진다는 뜻입니다. 순서가 이렇게 정해지면 결과도 하나로 정해집니다.",
            "A race means the result depends on the order of steps. Once the order is fixed, as here, the result is fully determined.",
          ),
        },
      ];
      return {
        type: "single",
        params: { initial: s.initial, deposit: s.deposit, withdrawal: s.withdrawal, schedule: s.schedule },
        prompt: {
          ko: `${p.ko}\n\n어떤 결과가 됩니까?`,
          en: `${p.en}\n\nWhat is the outcome?`,
        },
        explanation: renderTrace(s, interpreter),
        options,
        answer: outcome,
      };
    },
  };
}

export const bankRaceLostUpdateGenerator = createBankRaceLostUpdateGenerator();
