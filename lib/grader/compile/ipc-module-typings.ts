import ts from "typescript";

/**
 * Student code imports from "ipc" (`import { pipe, write } from "ipc"`), while the kernel
 * documents its API as one `Ipc` interface (lib/kernel/ipc.d.ts). This turns the interface
 * into the module's typings: every member becomes a named export with the member's type and
 * its doc comment, so hover docs and autocomplete show the ko/en documentation.
 */
export function ipcModuleTypings(ipcDts: string): string {
  const file = ts.createSourceFile("ipc.d.ts", ipcDts, ts.ScriptTarget.ES2022, true);
  const ipc = file.statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === "Ipc");
  if (!ipc) throw new Error("lib/kernel/ipc.d.ts no longer declares `interface Ipc`");
  const exports: string[] = [];
  const seen = new Set<string>();
  for (const member of ipc.members) {
    const name = member.name && ts.isIdentifier(member.name) ? member.name.text : undefined;
    if (!name || seen.has(name)) continue;
    seen.add(name);
    const docs = ts
      .getJSDocCommentsAndTags(member)
      .filter(ts.isJSDoc)
      .map((d) => d.getFullText(file).trim())
      .join("\n");
    exports.push(`${docs}\nexport declare const ${name}: Ipc[${JSON.stringify(name)}];`);
  }
  return `${ipcDts}\n\n${exports.join("\n")}\n`;
}
