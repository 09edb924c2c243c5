/** The editor compiles exactly as the grader does (see lib/grader/compile/compiler-settings.ts). */
export { COMPILER_SETTINGS as EDITOR_COMPILER_OPTIONS, SUBMISSION_FILES as EDITOR_FILES } from "../../grader/compile/compiler-settings";
