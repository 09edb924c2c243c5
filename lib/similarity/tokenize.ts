import ts from "typescript";
import { File, Region, TokenizedFile } from "@dodona/dolos-core";

/**
 * A submission as Dolos sees it: the pre-order walk of its TypeScript syntax tree, one
 * "(" kind … ")" group per node, exactly the token shape Dolos's own tree-sitter tokenizer
 * produces (ADR 022 says why the TypeScript compiler parses here instead of tree-sitter).
 * Identifiers and literals become their kind only, so renaming a variable, a function or a
 * message changes no token; comments and layout are not in the tree at all.
 */
export function tokenize(path: string, source: string): TokenizedFile {
  const sf = ts.createSourceFile(path, source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const tokens: string[] = [];
  const mapping: Region[] = [];
  const regionOf = (node: ts.Node): Region => {
    const start = sf.getLineAndCharacterOfPosition(node.getStart(sf));
    const end = sf.getLineAndCharacterOfPosition(node.getEnd());
    return new Region(start.line, start.character, end.line, end.character);
  };
  const visit = (node: ts.Node) => {
    // Import lists name what the program uses, not how: every solution imports from "ipc".
    if (ts.isImportDeclaration(node)) return;
    const region = regionOf(node);
    tokens.push("(", ts.SyntaxKind[node.kind]);
    mapping.push(region, region);
    ts.forEachChild(node, visit);
    tokens.push(")");
    mapping.push(region);
  };
  ts.forEachChild(sf, visit);
  return new TokenizedFile(new File(path, source), tokens, mapping);
}
